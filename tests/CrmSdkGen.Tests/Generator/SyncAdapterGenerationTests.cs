using System.Text.RegularExpressions;
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
    [InlineData("crm/hubspot-crm-powerplatform-swagger2.json")]
    [InlineData("crm/keap-v2.yaml")]
    [InlineData("crm/intercom-2.16.yaml")]
    [InlineData("crm/brevo-v3-swagger2.yaml")]
    [InlineData("large/stripe-2024-04-10.json")]
    public void Vendor_specs_get_adapters_for_their_record_resources(string spec)
    {
        var adapters = GeneratedCompilation.Generate(spec).Files.Where(file => file.HintName.EndsWith("SyncAdapter.g.cs", StringComparison.Ordinal)).ToList();
        output.WriteLine($"{spec}: {adapters.Count} adapters, {adapters.Count(adapter => adapter.Content.Contains("SyncPullMode.Watermark", StringComparison.Ordinal))} by watermark, {adapters.Count(adapter => adapter.Content.Contains("UpdateBatchAsync", StringComparison.Ordinal))} with a batch endpoint");
        foreach (var adapter in adapters)
        {
            var fields = Regex.Matches(adapter.Content, "(PullMode|KeyField|ModifiedField|DeletedField) = ([^,]+),").Select(match => match.Groups[2].Value.Replace("global::CrmSdkGen.Runtime.Sync.SyncPullMode.", string.Empty, StringComparison.Ordinal));
            output.WriteLine($"{adapter.HintName}: {string.Join(" ", fields)}");
        }

        Assert.NotEmpty(adapters);
    }

    private static string Adapter(CrmSdkGen.Generation.GenerationResult result, string name) =>
        Assert.Single(result.Files, file => file.HintName.EndsWith("." + name + ".g.cs", StringComparison.Ordinal)).Content;
}
