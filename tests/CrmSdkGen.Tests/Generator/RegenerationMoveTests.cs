using CrmSdkGen.Generation;
using CrmSdkGen.Kernel;

namespace CrmSdkGen.Tests.Generator;

/// <summary>
/// The regeneration report finds an operation again where it went: a renamed path parameter is a note, an operation
/// under a new path keeps its method (a note) unless its id or tag changed (a warning saying where it went), and a
/// changed success status is information.
/// </summary>
public sealed class RegenerationMoveTests
{
    private const string Before = """
        openapi: 3.0.3
        info: { title: Moves, version: "1" }
        paths:
          /contacts/{contactId}:
            get:
              operationId: getContact
              tags: [Contacts]
              parameters: [{ name: contactId, in: path, required: true, schema: { type: string } }]
              responses: { "200": { description: One., content: { application/json: { schema: { $ref: '#/components/schemas/Contact' } } } } }
          /contacts/search:
            post:
              operationId: searchContacts
              tags: [Contacts]
              responses: { "200": { description: Found., content: { application/json: { schema: { $ref: '#/components/schemas/Contact' } } } } }
          /contacts/{contactId}/notes:
            get:
              operationId: listNotes
              tags: [Contacts]
              parameters: [{ name: contactId, in: path, required: true, schema: { type: string } }]
              responses: { "200": { description: Notes. } }
          /contacts/merge:
            post:
              operationId: mergeContacts
              tags: [Contacts]
              responses: { "200": { description: Merged. } }
          /contacts:
            post:
              operationId: createContact
              tags: [Contacts]
              responses: { "200": { description: Created., content: { application/json: { schema: { $ref: '#/components/schemas/Contact' } } } } }
          /owners:
            get:
              operationId: listOwners
              tags: [Contacts]
              responses: { "200": { description: Owners. } }
          /crm/v3/deals:
            get:
              operationId: listDeals
              tags: [Contacts]
              responses: { "200": { description: Deals. } }
        components:
          schemas:
            Contact: { type: object, properties: { id: { type: string } } }
        """;

    private const string After = """
        openapi: 3.0.3
        info: { title: Moves, version: "2" }
        paths:
          /contacts/{id}:
            get:
              operationId: getContact
              tags: [Contacts]
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
                - { name: archived, in: query, required: true, schema: { type: boolean } }
              responses: { "200": { description: One., content: { application/json: { schema: { $ref: '#/components/schemas/Contact' } } } } }
          /contacts/query:
            post:
              operationId: searchContacts
              tags: [Contacts]
              responses: { "200": { description: Found., content: { application/json: { schema: { $ref: '#/components/schemas/Contact' } } } } }
          /contacts/{id}/notes:
            get:
              operationId: getNotes
              tags: [Contacts]
              parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
              responses: { "200": { description: Notes. } }
          /merges:
            post:
              operationId: mergeContacts
              tags: [Merges]
              responses: { "200": { description: Merged. } }
          /contacts:
            post:
              operationId: createContact
              tags: [Contacts]
              responses:
                "201": { description: Created., content: { application/json: { schema: { $ref: '#/components/schemas/Contact' } } } }
          /owners:
            get:
              operationId: listOwners
              tags: [Owners]
              responses: { "200": { description: Owners. } }
          /crm/2026-09-beta/deals:
            get:
              operationId: getDealsPage
              tags: [Contacts]
              responses: { "200": { description: Deals. } }
        components:
          schemas:
            Contact: { type: object, properties: { id: { type: string } } }
        """;

    public static TheoryData<string, bool, string, string> Findings => new()
    {
        { "CSG0111", false, "The path parameter 'contactId' of GET /contacts/{id} (getContact) was renamed to 'id'", "name: id" },
        { "CSG0104", true, "GET /contacts/{id} (getContact) gained the required query parameter 'archived'", "name: archived" },
        { "CSG0111", false, "The operation POST /contacts/search (searchContacts) moved to POST /contacts/query; its method keeps its name", "post:" },
        { "CSG0101", true, "The operation GET /contacts/{contactId}/notes (listNotes) was removed; it reappears as GET /contacts/{id}/notes (getNotes)", "get:" },
        { "CSG0111", false, "The path parameter 'contactId' of GET /contacts/{id}/notes (getNotes) was renamed to 'id'", "parameters:" },
        { "CSG0101", true, "The operation POST /contacts/merge (mergeContacts) moved to POST /merges under the tag 'Merges'", "post:" },
        { "CSG0101", true, "The operation GET /crm/v3/deals (listDeals) was removed; it reappears as GET /crm/2026-09-beta/deals (getDealsPage)", "get:" },
        { "CSG0101", true, "The operation GET /owners (listOwners) moved under the tag 'Owners'; its method is on that tag's client now", "get:" },
        { "CSG0112", false, "The success status of POST /contacts (createContact) changed from 200 to 201", "\"201\":" },
    };

    [Theory]
    [MemberData(nameof(Findings))]
    public void Each_move_rename_and_status_change_is_reported_once_at_its_place(string id, bool warning, string message, string lineStartsWith)
    {
        var found = Assert.Single(Report(), diagnostic => diagnostic.Id == id && diagnostic.Message.Contains(message, StringComparison.Ordinal));

        Assert.Equal(warning ? Severity.Warning : Severity.Info, found.Severity);
        Assert.StartsWith(lineStartsWith, After.Split('\n')[found.Span.StartLine].TrimStart(' ', '-').TrimStart('{', ' '), StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_else_is_reported_and_no_moved_operation_is_called_removed_or_added()
    {
        var report = Report();

        Assert.Equal(Findings.Count, report.Count);
        Assert.DoesNotContain(report, diagnostic => diagnostic.Id == DiagnosticIds.RemovedParameter);
        Assert.DoesNotContain(report, diagnostic => diagnostic.Id == DiagnosticIds.Addition);
    }

    private static List<DiagnosticInfo> Report()
    {
        var source = new SpecSource("/project/specs/moves.yaml", After, "Test.Api", "TestClient", "Test")
        {
            BaselinePath = "/project/specs/moves-v1.yaml",
            Baseline = new SpecFile("/project/specs/moves-v1.yaml", Before),
        };

        return SdkGenerator.BuildModel(source, CancellationToken.None).Diagnostics.Where(diagnostic => diagnostic.Id.StartsWith("CSG01", StringComparison.Ordinal)).ToList();
    }
}
