using System.Text.RegularExpressions;
using CrmSdkGen.Generation;
using CrmSdkGen.Kernel;
using CrmSdkGen.Tests.Support;
using Xunit.Abstractions;

namespace CrmSdkGen.Tests.Generator;

/// <summary>Resources exposed as list + get get a sync adapter whose fields and parameters come from the spec.</summary>
public sealed class SyncAdapterGenerationTests(ITestOutputHelper output)
{
    private const string ZohoLike = """
        openapi: 3.0.3
        info: { title: Zoho-like, version: "1" }
        paths:
          /Leads:
            get:
              operationId: getLeads
              parameters:
                - { name: If-Modified-Since, in: header, schema: { type: string } }
                - { name: page, in: query, schema: { type: integer, format: int32 } }
              responses:
                "200":
                  description: Leads.
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          data: { type: array, items: { $ref: '#/components/schemas/Lead' } }
          /Leads/{lead_id}:
            get:
              operationId: getLead
              parameters: [{ name: lead_id, in: path, required: true, schema: { type: integer, format: int64 } }]
              responses:
                "200": { description: A lead., content: { application/json: { schema: { $ref: '#/components/schemas/Lead' } } } }
            put:
              operationId: updateLead
              parameters: [{ name: lead_id, in: path, required: true, schema: { type: integer, format: int64 } }]
              requestBody: { content: { application/json: { schema: { $ref: '#/components/schemas/Lead' } } } }
              responses:
                "200": { description: Updated., content: { application/json: { schema: { $ref: '#/components/schemas/Lead' } } } }
          /Notes:
            get:
              operationId: getNotes
              x-crmsdkgen-sync: { key: Note_Id, modified: Changed_On, updatedSince: changed_after, resource: notes }
              parameters:
                - { name: changed_after, in: query, schema: { type: string, format: date-time } }
                - { name: since, in: query, schema: { type: string, format: date-time } }
              responses:
                "200": { description: Notes., content: { application/json: { schema: { type: array, items: { $ref: '#/components/schemas/Note' } } } } }
          /Notes/{id}:
            get:
              operationId: getNote
              parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
              responses:
                "200": { description: A note., content: { application/json: { schema: { $ref: '#/components/schemas/Note' } } } }
          /Tags:
            get:
              operationId: getTags
              x-crmsdkgen-sync: false
              responses:
                "200": { description: Tags., content: { application/json: { schema: { type: array, items: { $ref: '#/components/schemas/Note' } } } } }
          /Tags/{id}:
            get:
              operationId: getTag
              parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
              responses:
                "200": { description: A tag., content: { application/json: { schema: { $ref: '#/components/schemas/Note' } } } }
        components:
          schemas:
            Lead:
              type: object
              properties:
                id: { type: integer, format: int64 }
                Last_Name: { type: string }
                Modified_Time: { type: string, format: date-time }
                "$se_module": { type: string }
            Note:
              type: object
              properties:
                Note_Id: { type: string }
                Changed_On: { type: string, format: date-time }
                Modified_Time: { type: string, format: date-time }
        """;

    [Fact]
    public void The_contacts_adapter_pulls_by_watermark_with_the_fields_the_spec_names()
    {
        var text = Adapter(GeneratedCompilation.Generate("acme/acme-crm-contacts.yaml"), "ContactsSyncAdapter");

        Assert.Contains("PullMode = global::CrmSdkGen.Runtime.Sync.SyncPullMode.Watermark,", text, StringComparison.Ordinal);
        Assert.Contains("""ModifiedField = "updatedAt",""", text, StringComparison.Ordinal);
        Assert.Contains("""DeletedField = "archived",""", text, StringComparison.Ordinal);
        Assert.Contains("ListContactsJsonAsync(after: token, updatedSince: request.Since, limit: Options.PageSize, cancellationToken: cancellationToken)", text, StringComparison.Ordinal);
        Assert.Contains("""SyncJson.Items(page, "results")""", text, StringComparison.Ordinal);
        Assert.Contains("""SyncJson.Text(page, "paging", "next", "after")""", text, StringComparison.Ordinal);
        Assert.Contains("new global::CrmSdkGen.Runtime.Sync.SyncPage(items, global::CrmSdkGen.Runtime.Sync.SyncJson.Text(page, \"paging\", \"next\", \"after\"))", text, StringComparison.Ordinal);
        Assert.Contains("UpdateContactAsync(contactId: key, body: body", text, StringComparison.Ordinal);
        Assert.Contains("FromElement<global::Test.Api.Models.ContactInput>(Options.UpdateSendsRecord ? update.Record : update.Changes)", text, StringComparison.Ordinal);
        Assert.Contains("UpdateSendsRecord = false,", text, StringComparison.Ordinal);
        Assert.Contains("BatchUpdateContactsAsync(body: body, cancellationToken: cancellationToken)", text, StringComparison.Ordinal);
        Assert.Contains("""SyncBatch.Input("inputs", Options.KeyField, updates, wholeRecords: Options.UpdateSendsRecord)""", text, StringComparison.Ordinal);
        Assert.Contains("BatchSize = 100,", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_in_other_CRM_styles_are_recognised_and_an_extension_overrides_or_disables_the_choice()
    {
        var result = GeneratedCompilation.GenerateText(ZohoLike);
        Assert.Empty(GeneratedCompilation.Problems(GeneratedCompilation.Compile(result)));

        var leads = Adapter(result, "LeadsSyncAdapter");
        Assert.Contains("""ModifiedField = "Modified_Time",""", leads, StringComparison.Ordinal);
        Assert.Contains("""ifModifiedSince: request.Since?.ToUniversalTime().ToString("R", """, leads, StringComparison.Ordinal);
        Assert.Contains("GetLeadAsync(leadId: long.Parse(key, ", leads, StringComparison.Ordinal);
        Assert.Contains("page: token is null ? (int?)null : int.Parse(token, ", leads, StringComparison.Ordinal);
        Assert.Contains("FromElement<global::Test.Api.Models.Lead>(Options.UpdateSendsRecord ? update.Record : update.Changes)", leads, StringComparison.Ordinal);
        Assert.Contains("UpdateSendsRecord = true,", leads, StringComparison.Ordinal);
        Assert.DoesNotContain("CreateAsync", leads, StringComparison.Ordinal);

        var notes = Adapter(result, "NotesSyncAdapter");
        Assert.Contains("""KeyField = "Note_Id",""", notes, StringComparison.Ordinal);
        Assert.Contains("""ModifiedField = "Changed_On",""", notes, StringComparison.Ordinal);
        Assert.Contains("GetNotesJsonAsync(changedAfter: request.Since, cancellationToken: cancellationToken)", notes, StringComparison.Ordinal);
        Assert.Contains("new global::CrmSdkGen.Runtime.Sync.SyncPage(items, null)", notes, StringComparison.Ordinal);

        Assert.DoesNotContain(result.Files, file => file.HintName.Contains("TagsSyncAdapter", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("crm/hubspot-crm-powerplatform-swagger2.json", "ContactsSyncAdapter")]
    [InlineData("crm/keap-v2.yaml", "ContactsSyncAdapter")]
    [InlineData("crm/intercom-2.16.yaml", "ContactsSyncAdapter")]
    [InlineData("crm/brevo-v3-swagger2.yaml", "ContactsSyncAdapter")]
    [InlineData("crm/apideck-crm.json", null)]
    [InlineData("crm/pipeliner-crm-swagger2.json", null)]
    [InlineData("shaped/pipedrive-shaped-v1.yaml", "PersonsSyncAdapter")]
    [InlineData("large/stripe-2024-04-10.json", "ChargesSyncAdapter")]
    public void Vendor_specs_get_adapters_for_their_record_resources_and_say_why_the_others_get_none(string spec, string? expected)
    {
        var result = GeneratedCompilation.Generate(spec);
        var adapters = result.Files.Where(file => file.HintName.EndsWith("SyncAdapter.g.cs", StringComparison.Ordinal)).ToList();
        var skipped = result.Diagnostics.Where(diagnostic => diagnostic.Id == "CSG0018").ToList();
        output.WriteLine($"{spec}: {adapters.Count} adapters, {adapters.Count(adapter => adapter.Content.Contains("SyncPullMode.Watermark", StringComparison.Ordinal))} by watermark, {adapters.Count(adapter => adapter.Content.Contains("UpdateBatchAsync", StringComparison.Ordinal))} with a batch endpoint, {skipped.Count} resources without one");
        foreach (var adapter in adapters)
        {
            var fields = Regex.Matches(adapter.Content, "(PullMode|KeyField|ModifiedField|DeletedField) = ([^,]+),").Select(match => match.Groups[2].Value.Replace("global::CrmSdkGen.Runtime.Sync.SyncPullMode.", string.Empty, StringComparison.Ordinal));
            output.WriteLine($"  {adapter.HintName}: {string.Join(" ", fields)}{(adapter.Content.Contains("RecordIn(", StringComparison.Ordinal) ? " (enveloped)" : string.Empty)}");
        }

        foreach (var diagnostic in skipped)
        {
            output.WriteLine($"  no adapter, line {diagnostic.Span.StartLine + 1}: {diagnostic.Message[..diagnostic.Message.IndexOf(". Write one", StringComparison.Ordinal)]}");
        }

        Assert.All(skipped, diagnostic => Assert.Equal(CrmSdkGen.Kernel.Severity.Info, diagnostic.Severity));
        Assert.All(skipped, diagnostic => Assert.StartsWith("No sync adapter for GET /", diagnostic.Message, StringComparison.Ordinal));
        Assert.True(adapters.Count + skipped.Count > 0, "the spec has no collection with a read by id");
        if (expected is not null)
        {
            Assert.Contains(adapters, adapter => adapter.HintName.EndsWith("." + expected + ".g.cs", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void An_enveloped_crm_gets_adapters_that_take_the_record_out_of_the_envelope_and_stop_on_its_flag()
    {
        var result = GeneratedCompilation.Generate("shaped/pipedrive-shaped-v1.yaml");
        Assert.Empty(GeneratedCompilation.Problems(GeneratedCompilation.Compile(result)));

        var persons = Adapter(result, "PersonsSyncAdapter");
        Assert.Contains("""SyncJson.Items(page, "data")""", persons, StringComparison.Ordinal);
        Assert.Contains("""SyncJson.IsFalse(page, "additional_data", "pagination", "more_items_in_collection") ? null : """, persons, StringComparison.Ordinal);
        Assert.Contains("""GetPersonAsync(id: long.Parse(key, global::System.Globalization.CultureInfo.InvariantCulture), cancellationToken: cancellationToken).ConfigureAwait(false)), "data")""", persons, StringComparison.Ordinal);
        Assert.Contains("SyncJson.RequireRecordIn(global::CrmSdkGen.Runtime.Sync.SyncJson.ToElement(await _client.Persons.AddPersonAsync(", persons, StringComparison.Ordinal);
        Assert.Contains("SyncJson.RequireRecordIn(global::CrmSdkGen.Runtime.Sync.SyncJson.ToElement(await _client.Persons.UpdatePersonAsync(", persons, StringComparison.Ordinal);
        Assert.Contains("DeletePersonAsync(", persons, StringComparison.Ordinal);
        Assert.Contains("""KeyField = "id",""", persons, StringComparison.Ordinal);
        Assert.Contains("PageSize = 500,", persons, StringComparison.Ordinal);
        Assert.Contains("""SyncJson.Items(page, "data")""", Adapter(result, "OrganizationsSyncAdapter"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_collection_that_cannot_be_synced_is_an_info_diagnostic_at_its_list_that_says_why()
    {
        var result = GeneratedCompilation.GenerateText("""
            openapi: 3.0.3
            info: { title: Skipped, version: "1" }
            paths:
              /reports:
                get:
                  parameters: [{ name: from, in: query, required: true, schema: { type: string } }]
                  responses: { "200": { description: Reports., content: { application/json: { schema: { type: array, items: { $ref: '#/components/schemas/Report' } } } } } }
              /reports/{id}:
                get:
                  parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
                  responses: { "200": { description: A report., content: { application/json: { schema: { $ref: '#/components/schemas/Report' } } } } }
              /notes:
                get:
                  responses: { "200": { description: Notes., content: { application/json: { schema: { type: array, items: { type: object, properties: { text: { type: string } } } } } } } }
              /notes/{noteId}:
                get:
                  parameters: [{ name: noteId, in: path, required: true, schema: { type: string } }]
                  responses: { "200": { description: A note., content: { application/json: { schema: { type: object, properties: { text: { type: string } } } } } } }
              /tags:
                get:
                  x-crmsdkgen-sync: false
                  parameters: [{ name: q, in: query, required: true, schema: { type: string } }]
                  responses: { "200": { description: Tags., content: { application/json: { schema: { type: array, items: { $ref: '#/components/schemas/Report' } } } } } }
              /tags/{id}:
                get:
                  parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
                  responses: { "200": { description: A tag., content: { application/json: { schema: { $ref: '#/components/schemas/Report' } } } } }
            components:
              schemas:
                Report: { type: object, properties: { id: { type: string } } }
            """);

        var skipped = result.Diagnostics.Where(diagnostic => diagnostic.Id == "CSG0018").OrderBy(diagnostic => diagnostic.Span.StartLine).ToList();
        Assert.Equal(2, skipped.Count);
        Assert.Contains("GET /reports: the list requires from", skipped[0].Message, StringComparison.Ordinal);
        Assert.Equal(4, skipped[0].Span.StartLine);
        Assert.Contains("GET /notes: no record property is named like the path parameter 'noteId' or 'id'", skipped[1].Message, StringComparison.Ordinal);
        Assert.Contains("x-crmsdkgen-sync", skipped[1].Message, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Files, file => file.HintName.Contains("SyncAdapter", StringComparison.Ordinal));
    }

    private static string Adapter(CrmSdkGen.Generation.GenerationResult result, string name) =>
        Assert.Single(result.Files, file => file.HintName.EndsWith("." + name + ".g.cs", StringComparison.Ordinal)).Content;
}
