using CrmSdkGen.Generation;
using CrmSdkGen.Kernel;
using CrmSdkGen.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace CrmSdkGen.Tests.Generator;

/// <summary>Broken specs give a located diagnostic with an ID and never crash the compiler.</summary>
public sealed class BrokenSpecDiagnosticsTests
{
    [Fact]
    public async Task Invalid_json_is_CSG0001_at_the_offending_character()
    {
        const string spec = """
            {
              "openapi": "3.0.0",
              "info": { "title": "x" "version": "1" },
              "paths": {}
            }
            """;
        var test = new GeneratorHarness(spec, "/0/specs/broken.json");
        test.ExpectedDiagnostics.Add(new DiagnosticResult("CSG0001", DiagnosticSeverity.Error).WithSpan("/0/specs/broken.json", 3, 26, 3, 27));
        await test.RunAsync();
    }

    [Fact]
    public async Task Invalid_yaml_is_CSG0001_at_the_offending_line()
    {
        const string spec = """
            openapi: 3.0.0
            info:
              title: x
               version: 1
            paths: {}
            """;
        var test = new GeneratorHarness(spec);
        test.ExpectedDiagnostics.Add(new DiagnosticResult("CSG0001", DiagnosticSeverity.Error).WithSpan(GeneratorHarness.SpecPath, 4, 11, 4, 12));
        test.TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
        await test.RunAsync();
    }

    [Fact]
    public async Task Unknown_version_is_CSG0002_at_the_version_key()
    {
        const string spec = """
            openapi: 5.0.0
            info: { title: x, version: "1" }
            paths: {}
            """;
        var test = new GeneratorHarness(spec);
        test.ExpectedDiagnostics.Add(new DiagnosticResult("CSG0002", DiagnosticSeverity.Error).WithSpan(GeneratorHarness.SpecPath, 1, 1, 1, 8));
        await test.RunAsync();
    }

    [Fact]
    public async Task Dangling_ref_is_CSG0004_at_the_ref_and_the_member_becomes_JsonElement()
    {
        const string spec = """
            openapi: 3.0.3
            info: { title: x, version: "1" }
            paths: {}
            components:
              schemas:
                Deal:
                  type: object
                  properties:
                    owner:
                      $ref: '#/components/schemas/Owner'
            """;
        var test = new GeneratorHarness(spec);
        test.ExpectedDiagnostics.Add(new DiagnosticResult("CSG0004", DiagnosticSeverity.Warning).WithSpan(GeneratorHarness.SpecPath, 10, 11, 10, 15));
        test.TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
        await test.RunAsync();

        var generated = GeneratedCompilation.Text(GeneratedCompilation.GenerateText(spec));
        Assert.Contains("public global::System.Text.Json.JsonElement Owner", generated);
    }

    [Fact]
    public async Task Empty_spec_is_CSG0001_at_the_start()
    {
        var test = new GeneratorHarness("   \n");
        test.ExpectedDiagnostics.Add(new DiagnosticResult("CSG0001", DiagnosticSeverity.Error).WithSpan(GeneratorHarness.SpecPath, 1, 1, 1, 1));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_document_that_is_not_openapi_is_CSG0002()
    {
        var test = new GeneratorHarness("name: just some yaml\nitems: [1, 2]\n");
        test.ExpectedDiagnostics.Add(new DiagnosticResult("CSG0002", DiagnosticSeverity.Error).WithSpan(GeneratorHarness.SpecPath, 1, 1, 1, 2));
        await test.RunAsync();
    }

    [Fact]
    public void Messages_say_what_is_wrong()
    {
        var broken = Messages("{\n  \"openapi\": \"3.0.0\",\n  \"info\": { \"title\": \"x\" \"version\": \"1\" }\n}", "/0/specs/broken.json");
        Assert.StartsWith("The spec is not valid JSON:", Assert.Single(broken));

        var version = Messages("openapi: 5.0.0\ninfo: { title: x, version: \"1\" }\npaths: {}\n");
        Assert.Contains("'5.0.0' is not supported", Assert.Single(version));
        Assert.Contains("Swagger 2.0, OpenAPI 3.0 and 3.1", version[0]);
    }

    private static List<string> Messages(string spec, string path = GeneratorHarness.SpecPath) =>
        CrmSdkGen.Generation.SdkGenerator.Generate(new CrmSdkGen.Kernel.SpecSource(path, spec, "Test.Api", "TestClient", "Test")).Diagnostics.Select(diagnostic => diagnostic.Message).ToList();
}
