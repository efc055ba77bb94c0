using System.Text;
using CrmSdkGen.Generation;
using CrmSdkGen.Kernel;
using CrmSdkGen.Tests.Support;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;

namespace CrmSdkGen.Tests.Generator;

/// <summary>Specs split over several listed files, joined by relative $refs.</summary>
public sealed class MultiFileSpecTests
{
    private const string Main = """
        openapi: 3.0.3
        info: { title: Main CRM, version: "1" }
        paths:
          /contacts:
            get:
              operationId: listContacts
              responses:
                "200": { description: ok, content: { application/json: { schema: { $ref: './shared/common.yaml#/components/schemas/Contact' } } } }
          /companies:
            get:
              operationId: listCompanies
              responses:
                "200": { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Company' } } } }
        components:
          schemas:
            Company: { type: object, properties: { legalName: { type: string } } }
        """;

    private const string Common = """
        openapi: 3.0.3
        info: { title: Common, version: "1" }
        paths: {}
        components:
          schemas:
            Contact: { type: object, required: [email], properties: { email: { type: string }, employer: { $ref: '#/components/schemas/Organization' } } }
            Organization: { type: object, properties: { name: { type: string }, employees: { type: integer } } }
        """;

    [Fact]
    public async Task Listed_siblings_resolve_through_the_compiler_pipeline_without_findings()
    {
        var test = new GeneratorHarness(Main, "/0/specs/main.yaml", "Test.Main", "MainClient");
        test.TestState.AdditionalFiles.Add(("/0/specs/shared/common.yaml", SourceText.From(Common, Encoding.UTF8)));
        test.TestState.AnalyzerConfigFiles[0] = ("/.globalconfig", SourceText.From("""
            is_global = true
            build_property.RootNamespace = Test

            [/0/specs/main.yaml]
            build_metadata.AdditionalFiles.CrmSdkGenSpec = true
            build_metadata.AdditionalFiles.Namespace = Test.Main
            build_metadata.AdditionalFiles.ClientName = MainClient

            [/0/specs/shared/common.yaml]
            build_metadata.AdditionalFiles.CrmSdkGenSpec = true
            build_metadata.AdditionalFiles.Namespace = Test.Common
            build_metadata.AdditionalFiles.ClientName = CommonClient
            """, Encoding.UTF8));
        test.TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;

        await test.RunAsync();
    }

    [Fact]
    public void Refs_into_a_sibling_resolve_with_the_siblings_own_refs()
    {
        var source = new SpecSource("/0/specs/main.yaml", Main, "Test.Main", "MainClient", "Test")
        {
            Siblings = new[] { new SpecFile("/0/specs/shared/common.yaml", Common) }.ToEquatableArray(),
        };

        var result = SdkGenerator.Generate(source);
        var generated = GeneratedCompilation.Text(result);

        Assert.Empty(result.Diagnostics);
        Assert.Contains("Task<global::Test.Main.Models.Contact> ListContactsAsync(", generated);
        Assert.Contains("public string? LegalName { get", generated);
        Assert.Contains("public long? Employees { get", generated);
        Assert.Contains("public global::Test.Main.Models.Organization? Employer { get", generated);
    }

    [Fact]
    public void Without_the_sibling_the_ref_is_reported_and_the_member_kept_as_json()
    {
        var result = SdkGenerator.Generate(new SpecSource("/0/specs/main.yaml", Main, "Test.Main", "MainClient", "Test"));

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("CSG0004", diagnostic.Id);
        Assert.Equal(7, diagnostic.Span.StartLine);
        Assert.Contains("Task<global::System.Text.Json.JsonElement> ListContactsAsync(", GeneratedCompilation.Text(result));
    }

    [Fact]
    public void A_listed_fragment_that_another_spec_refers_to_is_a_part_and_no_error()
    {
        const string fragment = "Deal:\n  type: object\n  properties:\n    amount: { type: number }\n";
        var referring = new SpecFile("/0/specs/main.yaml", Main.Replace("'#/components/schemas/Company'", "'deals.yaml#/Deal'", StringComparison.Ordinal));

        var asPart = SdkGenerator.Generate(new SpecSource("/0/specs/deals.yaml", fragment, "Test.Deals", "DealsClient", "Test") { Siblings = new[] { referring }.ToEquatableArray() });
        var alone = SdkGenerator.Generate(new SpecSource("/0/specs/deals.yaml", fragment, "Test.Deals", "DealsClient", "Test"));

        Assert.Empty(asPart.Diagnostics);
        Assert.Empty(asPart.Files);

        // Listed alone, a fragment is what the user took for a spec: the reader's error says why it is not one.
        Assert.Equal("CSG0002", Assert.Single(alone.Diagnostics).Id);
    }

    [Fact]
    public void With_siblings_listed_a_bare_discriminator_mapping_name_is_not_taken_for_a_missing_file()
    {
        var path = GeneratedCompilation.SpecPath("features/readme-3.0-discriminators.json");
        var source = new SpecSource(path, File.ReadAllText(path), "Test.Api", "TestClient", "Test")
        {
            Siblings = new[] { new SpecFile("/0/specs/shared/common.yaml", Common) }.ToEquatableArray(),
        };

        var result = SdkGenerator.Generate(source);

        Assert.DoesNotContain(result.Diagnostics, diagnostic => diagnostic.Severity == Severity.Error);
        Assert.NotEmpty(result.Files);
    }

    [Fact]
    public void A_document_is_joined_only_with_the_files_its_refs_reach()
    {
        var main = new SpecSource("/0/specs/main.yaml", "openapi: 3.0.3\nx: { $ref: './shared/common.yaml#/X' }", "A", "B", "C");
        SpecFile[] all =
        [
            new("/0/specs/main.yaml", main.Text),
            new("/0/specs/shared/common.yaml", "X: { $ref: 'deep.yaml#/Y' }"),
            new("/0/specs/shared/deep.yaml", "Y: {}"),
            new("/0/specs/part.yaml", "Z: { description: mentions main.yaml#/Z }"),
            new("/0/specs/unrelated.yaml", "openapi: 3.0.3"),
        ];

        var catalog = new SpecCatalog(all);
        var prepared = catalog.Prepare(main);

        Assert.Equal(SpecRole.Document, prepared.Role);
        Assert.Equal(["common.yaml", "deep.yaml"], prepared.Siblings.Select(file => Path.GetFileName(file.Path)));
        Assert.Equal(SpecRole.Part, catalog.Prepare(new SpecSource(all[2].Path, all[2].Text, "A", "B", "C")).Role);
        Assert.Equal(SpecRole.Unreferenced, catalog.Prepare(new SpecSource(all[3].Path, all[3].Text, "A", "B", "C")).Role);
        Assert.Equal(SpecRole.Document, catalog.Prepare(new SpecSource(all[4].Path, all[4].Text, "A", "B", "C")).Role);
    }
}
