using CrmSdkGen.Generation;
using CrmSdkGen.Kernel;
using CrmSdkGen.Tests.Support;

namespace CrmSdkGen.Tests.Generator;

/// <summary>Multi-file specs as vendors publish them: files that refer to each other by download URL, and a root with thousands of fragments.</summary>
public sealed class VendorMultiFileSpecTests
{
    private const string ZohoBase = "https://raw.githubusercontent.com/example-crm/crm-oas/refs/heads/main/v8.0/";

    [Fact]
    public void Digitalocean_listed_file_by_file_is_one_document_and_its_parts()
    {
        var folder = GeneratedCompilation.SpecPath("multi/digitalocean");
        var files = Directory.GetFiles(folder, "*.*", SearchOption.AllDirectories).Select(path => new SpecFile(path, File.ReadAllText(path))).ToList();
        var catalog = new SpecCatalog(files);

        var roles = files.Select(file => catalog.Prepare(new SpecSource(file.Path, file.Text, "A", "B", "C")).Role).ToList();

        // 35 files of the published spec are referred to by nothing that the root reaches (leftovers such as "app_component_health copy.yml").
        Assert.True(files.Count > 2_000, $"{files.Count} files");
        Assert.Equal(1, roles.Count(role => role == SpecRole.Document));
        Assert.Equal(35, roles.Count(role => role == SpecRole.Unreferenced));
        Assert.Equal(files.Count - 36, roles.Count(role => role == SpecRole.Part));
    }

    [Fact]
    public void Digitalocean_listed_file_by_file_generates_one_client_and_one_warning_per_unused_file()
    {
        var folder = GeneratedCompilation.SpecPath("multi/digitalocean");
        var files = Directory.GetFiles(folder, "*.*", SearchOption.AllDirectories).Select(path => new SpecFile(path, File.ReadAllText(path))).ToList();
        var catalog = new SpecCatalog(files);

        var results = files.Select(file => SdkGenerator.Generate(catalog.Prepare(new SpecSource(file.Path, file.Text, "Test.Api", "DigitalOcean", "Test")))).ToList();

        Assert.Single(results, result => result.Files.Count > 0);
        var findings = results.SelectMany(result => result.Diagnostics).ToList();
        Assert.Equal(35, findings.Count(diagnostic => diagnostic.Id == DiagnosticIds.UnreferencedFile));
        Assert.DoesNotContain(findings, diagnostic => diagnostic.Severity == Severity.Error);
        Assert.DoesNotContain(findings, diagnostic => diagnostic.Id is DiagnosticIds.UnresolvedReference or DiagnosticIds.UnsupportedVersion or DiagnosticIds.InternalError);
    }

    [Fact]
    public void A_listed_fragment_that_nothing_refers_to_gets_one_warning_and_no_code()
    {
        var main = new SpecFile("/0/specs/main.yaml", "openapi: 3.0.3\ninfo: { title: t, version: '1' }\npaths: {}\n");
        var orphan = new SpecFile("/0/specs/orphan.yaml", "Thing:\n  type: object\n");
        var catalog = new SpecCatalog([main, orphan]);

        var result = SdkGenerator.Generate(catalog.Prepare(new SpecSource(orphan.Path, orphan.Text, "A", "B", "C")));

        var finding = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticIds.UnreferencedFile, finding.Id);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Empty(result.Files);
    }

    [Fact]
    public void Zoho_shaped_references_by_url_resolve_to_the_listed_files_across_cycles()
    {
        var result = GeneratedCompilation.Generate("multi/zoho-shaped/v8.0/contacts.json");
        var generated = GeneratedCompilation.Text(result);

        Assert.Empty(result.Diagnostics);
        Assert.Contains("public global::Test.Api.Models.MinifiedUser? Owner { get", generated);
        Assert.Contains("public global::Test.Api.Models.Contact? ReportsTo { get", generated);
        Assert.Contains("public global::Test.Api.Models.Contact? MainContact { get", generated);
        Assert.Contains("GetContactsAsync(long? page = default, string? pageToken = default", generated);
        Assert.Contains("SecuritySchemeKind.Bearer", generated);
    }

    [Fact]
    public void A_url_that_two_listed_files_match_equally_is_ambiguous_and_located_at_the_ref()
    {
        var root = new SpecSource("/0/a/contacts.json", Root("""{ "$ref": "https://example.com/v8/common.json#/components/schemas/Info" }"""), "A", "B", "C")
        {
            Siblings = new[] { Common("/0/a/v8/common.json"), Common("/0/b/v8/common.json") }.ToEquatableArray(),
        };

        var result = SdkGenerator.Generate(root);

        var ambiguous = Assert.Single(result.Diagnostics, diagnostic => diagnostic.Id == DiagnosticIds.AmbiguousReference);
        Assert.Equal("/0/a/contacts.json", ambiguous.FilePath);
        Assert.Equal(3, ambiguous.Span.StartLine);
    }

    [Fact]
    public void The_longest_matching_path_wins_over_a_file_of_the_same_name_elsewhere()
    {
        var root = new SpecSource("/0/specs/contacts.json", Root($$"""{ "$ref": "{{ZohoBase}}common.json#/components/schemas/Info" }"""), "A", "B", "C")
        {
            Siblings = new[] { Common("/0/specs/v8.0/common.json", "count"), Common("/0/other/common.json", "other") }.ToEquatableArray(),
        };

        var generated = GeneratedCompilation.Text(SdkGenerator.Generate(root));

        Assert.Contains("public long? Count { get", generated);
        Assert.DoesNotContain("public long? Other { get", generated);
    }

    [Fact]
    public void Findings_inside_a_part_are_located_in_the_part()
    {
        var part = new SpecFile("/0/specs/parts/info.json", """
            {
              "Info": {
                "type": "object",
                "properties": {
                  "owner": { "$ref": "#/Missing" }
                }
              }
            }
            """);
        var root = new SpecSource("/0/specs/main.json", Root("""{ "$ref": "parts/info.json#/Info" }"""), "A", "B", "C") { Siblings = new[] { part }.ToEquatableArray() };

        var result = SdkGenerator.Generate(root);

        var unresolved = Assert.Single(result.Diagnostics, diagnostic => diagnostic.Id == DiagnosticIds.UnresolvedReference);
        Assert.Equal(part.Path, unresolved.FilePath);
        Assert.Equal(4, unresolved.Span.StartLine);
    }

    [Fact]
    public void A_part_with_a_syntax_error_is_reported_at_its_line_and_the_document_still_generates()
    {
        var part = new SpecFile("/0/specs/parts/info.yaml", "Info:\n  type: object\n  properties: { a: [ }\n");
        var root = new SpecSource("/0/specs/main.json", Root("""{ "$ref": "parts/info.yaml#/Info" }"""), "A", "B", "C") { Siblings = new[] { part }.ToEquatableArray() };

        var result = SdkGenerator.Generate(root);

        var syntax = Assert.Single(result.Diagnostics, diagnostic => diagnostic.Id == DiagnosticIds.SyntaxError);
        Assert.Equal(part.Path, syntax.FilePath);
        Assert.Equal(2, syntax.Span.StartLine);
        Assert.NotEmpty(result.Files);
        Assert.DoesNotContain(result.Diagnostics, diagnostic => diagnostic.Id == DiagnosticIds.InternalError);
    }

    [Fact]
    public void A_cycle_of_responses_through_two_files_is_cut_and_reported()
    {
        var a = new SpecFile("/0/specs/a.yaml", "Failed:\n  $ref: 'b.yaml#/Failed'\n");
        var b = new SpecFile("/0/specs/b.yaml", "Failed:\n  $ref: 'a.yaml#/Failed'\n");
        var text = """
            openapi: 3.0.3
            info: { title: t, version: '1' }
            paths:
              /x:
                get:
                  operationId: getX
                  responses:
                    '400': { $ref: 'a.yaml#/Failed' }
                    '200': { description: ok }
            """;
        var result = SdkGenerator.Generate(new SpecSource("/0/specs/main.yaml", text, "A", "B", "C") { Siblings = new[] { a, b }.ToEquatableArray() });

        var cycle = Assert.Single(result.Diagnostics, diagnostic => diagnostic.Id == DiagnosticIds.ReferenceCycle);
        Assert.Equal(b.Path, cycle.FilePath);
        Assert.NotEmpty(result.Files);
        Assert.DoesNotContain(result.Diagnostics, diagnostic => diagnostic.Severity == Severity.Error);
    }

    [Theory]
    [InlineData("main.yaml#/components/schemas/Node", "Node")]
    [InlineData("./main.yaml#/components/schemas/Node", "Node")]
    [InlineData("other.yaml#/Node", "Node2")]
    public void A_schema_that_refers_to_itself_through_file_names_is_a_recursive_model(string reference, string parentType)
    {
        var other = new SpecFile("/0/specs/other.yaml", "Node:\n  type: object\n  properties:\n    next: { $ref: 'main.yaml#/components/schemas/Node' }\n    back: { $ref: 'other.yaml#/Node' }\n");
        var text = $$"""
            openapi: 3.0.3
            info: { title: t, version: '1' }
            paths: {}
            components:
              schemas:
                Node:
                  type: object
                  properties:
                    parent: { $ref: '{{reference}}' }
            """;
        var result = SdkGenerator.Generate(new SpecSource("/0/specs/main.yaml", text, "A", "B", "C") { Siblings = new[] { other }.ToEquatableArray() });

        // The other file's Node is hoisted beside the document's own, under the next free name.
        Assert.DoesNotContain(result.Diagnostics, diagnostic => diagnostic.Severity >= Severity.Warning);
        Assert.Contains($"Models.{parentType}? Parent {{ get", GeneratedCompilation.Text(result));
    }

    private static string Root(string infoSchema) => $$"""
        {
          "openapi": "3.0.3",
          "info": { "title": "t", "version": "1" },
          "paths": { "/info": { "get": { "operationId": "getInfo", "responses": { "200": { "description": "ok", "content": { "application/json": { "schema": {{infoSchema}} } } } } } } }
        }
        """;

    private static SpecFile Common(string path, string property = "count") => new(path, $$"""
        { "openapi": "3.0.0", "info": { "title": "common", "version": "1" }, "paths": {},
          "components": { "schemas": { "Info": { "type": "object", "properties": { "{{property}}": { "type": "integer" } } } } } }
        """);
}
