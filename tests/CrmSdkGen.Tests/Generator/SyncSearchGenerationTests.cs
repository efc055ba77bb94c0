using CrmSdkGen.Generation;
using CrmSdkGen.Tests.Support;

namespace CrmSdkGen.Tests.Generator;

/// <summary>
/// Search endpoints in HubSpot's and Intercom's shapes become a search pull mode, pages are as large as the spec allows,
/// and the x-crmsdkgen-sync extension overrides every choice, with a located warning for a name the spec lacks.
/// </summary>
public sealed class SyncSearchGenerationTests
{
    private const string Extended = """
        openapi: 3.0.3
        info: { title: Extended, version: "1" }
        paths:
          /people:
            get:
              operationId: listPeople
              x-crmsdkgen-sync:
                mode: search
                pageSizeMax: 250
                deletedListing: removed
                search: { operation: findPeople, modified: changed_at, tieBreak: person_id, resultCap: 5000, pageSizeMax: 120 }
              parameters:
                - { name: limit, in: query, schema: { type: integer, maximum: 500 } }
                - { name: after, in: query, schema: { type: string } }
                - { name: removed, in: query, schema: { type: boolean } }
              responses:
                "200": { description: People., content: { application/json: { schema: { $ref: '#/components/schemas/Page' } } } }
          /people/{id}:
            get:
              operationId: getPerson
              parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
              responses:
                "200": { description: A person., content: { application/json: { schema: { $ref: '#/components/schemas/Person' } } } }
          /people/query:
            post:
              operationId: findPeople
              requestBody: { content: { application/json: { schema: { $ref: '#/components/schemas/Search' } } } }
              responses:
                "200": { description: Found., content: { application/json: { schema: { $ref: '#/components/schemas/Found' } } } }
          /teams:
            get:
              operationId: listTeams
              x-crmsdkgen-sync: { updatedSince: changedAfter, modified: changed, pageSize: size, mode: sometimes }
              parameters:
                - { name: per_page, in: query, description: 'Results per page, up to 75.', schema: { type: integer } }
              responses:
                "200": { description: Teams., content: { application/json: { schema: { type: array, items: { $ref: '#/components/schemas/Person' } } } } }
          /teams/{id}:
            get:
              operationId: getTeam
              parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
              responses:
                "200": { description: A team., content: { application/json: { schema: { $ref: '#/components/schemas/Person' } } } }
        components:
          schemas:
            Person:
              type: object
              properties:
                id: { type: string }
                updatedAt: { type: string, format: date-time }
                removed: { type: boolean }
            Page:
              type: object
              properties:
                results: { type: array, items: { $ref: '#/components/schemas/Person' } }
                paging: { type: object, properties: { next: { type: object, properties: { after: { type: string } } } } }
            Filter:
              type: object
              properties: { propertyName: { type: string }, operator: { type: string }, value: { type: string } }
            Search:
              type: object
              properties:
                filterGroups: { type: array, items: { type: object, properties: { filters: { type: array, items: { $ref: '#/components/schemas/Filter' } } } } }
                sorts: { type: array, items: { type: object, properties: { propertyName: { type: string }, direction: { type: string } } } }
                limit: { type: integer }
                after: { type: string }
                properties: { type: array, items: { type: string } }
            Found:
              type: object
              properties:
                total: { type: integer }
                results: { type: array, items: { $ref: '#/components/schemas/Person' } }
        """;

    [Fact]
    public void HubSpot_and_Intercom_search_endpoints_become_search_pulls()
    {
        var hubSpot = GeneratedCompilation.Generate("crm/hubspot-crm-powerplatform-swagger2.json");
        var contacts = Adapter(hubSpot, "ContactsSyncAdapter");
        Assert.Contains("PullMode = global::CrmSdkGen.Runtime.Sync.SyncPullMode.Search,", contacts, StringComparison.Ordinal);
        Assert.Contains("""ModifiedProperty = "lastmodifieddate",""", contacts, StringComparison.Ordinal);
        Assert.Contains("""TieBreakProperty = "hs_object_id",""", contacts, StringComparison.Ordinal);
        Assert.Contains("ResultCap = 10000,", contacts, StringComparison.Ordinal);
        Assert.Contains("ListDeleted = true,", contacts, StringComparison.Ordinal);
        Assert.Contains("archived: deleted ? true : null", contacts, StringComparison.Ordinal);
        Assert.Contains("""ModifiedProperty = "hs_lastmodifieddate",""", Adapter(hubSpot, "DealsSyncAdapter"), StringComparison.Ordinal);

        var intercom = Adapter(GeneratedCompilation.Generate("crm/intercom-2.16.yaml"), "ContactsSyncAdapter");
        Assert.Contains("SyncSearchDialect.Query,", intercom, StringComparison.Ordinal);
        Assert.Contains("""ModifiedProperty = "updated_at",""", intercom, StringComparison.Ordinal);
        Assert.Contains("SearchContactsAsync(body: body", intercom, StringComparison.Ordinal);
        Assert.Contains("ResultCap = null,", intercom, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("crm/intercom-2.16.yaml", "X.ContactsSyncAdapter", "X.Models.ContactSearchRequest", "1749999999")]
    [InlineData("acme/acme-crm-objects-v3.yaml", "X.ContactsSyncAdapter", "X.Models.PublicObjectSearchRequest", "\"1750000000000\"")]
    public void The_search_bodies_the_runtime_writes_read_into_the_specs_body_model_and_write_back_unchanged(string spec, string adapter, string bodyModel, string watermark)
    {
        var result = GeneratedCompilation.Generate(spec, "X", "C");
        var probe = $$"""
            using CrmSdkGen.Runtime.Sync;
            /// <summary>Writes a search body and reads it into the spec's model.</summary>
            public static class Probe
            {
                /// <summary>The body, the model written back, and the adapter's name.</summary>
                public static string Run()
                {
                    var options = new global::{{adapter}}(new global::X.C(new System.Net.Http.HttpClient())).Options;
                    var request = new SyncPageRequest(System.DateTimeOffset.FromUnixTimeSeconds(1_750_000_000), null, null);
                    var body = SyncSearch.Plan(request, options.Search!, System.DateTimeOffset.FromUnixTimeSeconds(1_760_000_000)).Body;
                    var model = SyncJson.FromElement<global::{{bodyModel}}>(body);
                    return body.GetRawText() + "\n" + CrmSdkGen.Runtime.Json.JsonModel.ToJson(model) + "\n" + typeof(global::{{adapter}}).Name;
                }
            }
            """;

        var lines = GeneratedCompilation.Run(result, probe).Split('\n');

        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(lines[0]), System.Text.Json.Nodes.JsonNode.Parse(lines[1])), $"Written {lines[0]}, read and written back {lines[1]}");
        Assert.Contains(watermark, lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void The_extension_overrides_each_choice_and_a_name_the_spec_lacks_is_a_located_warning()
    {
        var result = GeneratedCompilation.GenerateText(Extended);

        var people = Adapter(result, "PeopleSyncAdapter");
        Assert.Contains("PullMode = global::CrmSdkGen.Runtime.Sync.SyncPullMode.Search,", people, StringComparison.Ordinal);
        Assert.Contains("PageSize = 250,", people, StringComparison.Ordinal);
        Assert.Contains("FindPeopleAsync(body: body", people, StringComparison.Ordinal);
        Assert.Contains("""ModifiedProperty = "changed_at",""", people, StringComparison.Ordinal);
        Assert.Contains("""TieBreakProperty = "person_id",""", people, StringComparison.Ordinal);
        Assert.Contains("ResultCap = 5000,", people, StringComparison.Ordinal);
        Assert.Contains("PageSize = 120,", people, StringComparison.Ordinal);
        Assert.Contains("Sort = true,", people, StringComparison.Ordinal);
        Assert.Contains("removed: deleted ? true : null", people, StringComparison.Ordinal);

        var teams = Adapter(result, "TeamsSyncAdapter");
        Assert.Contains("PageSize = 75,", teams, StringComparison.Ordinal);
        Assert.Contains("PullMode = global::CrmSdkGen.Runtime.Sync.SyncPullMode.Full,", teams, StringComparison.Ordinal);
        var warnings = result.Diagnostics.Where(diagnostic => diagnostic.Id == "CSG0012").ToList();
        Assert.Equal(4, warnings.Count);
        Assert.Contains(warnings, warning => warning.Message.Contains("'changedAfter'", StringComparison.Ordinal));
        Assert.Contains(warnings, warning => warning.Message.Contains("'changed'", StringComparison.Ordinal));
        Assert.Contains(warnings, warning => warning.Message.Contains("'size'", StringComparison.Ordinal));
        Assert.Contains(warnings, warning => warning.Message.Contains("'sometimes'", StringComparison.Ordinal));
        var extensionLine = Extended.Split('\n').Select((line, index) => (line, index)).First(entry => entry.line.Contains("updatedSince: changedAfter", StringComparison.Ordinal)).index;
        Assert.All(warnings, warning => Assert.Equal(extensionLine, warning.Span.StartLine));
    }

    private static string Adapter(CrmSdkGen.Generation.GenerationResult result, string name) =>
        Assert.Single(result.Files, file => file.HintName.EndsWith("." + name + ".g.cs", StringComparison.Ordinal)).Content;
}
