using CrmSdkGen.Generation;
using CrmSdkGen.Kernel;
using CrmSdkGen.Tests.Support;

namespace CrmSdkGen.Tests.Generator;

/// <summary>References into files that are not listed, or at nothing in a listed file: reported where they stand, and typed as any value.</summary>
public sealed class UnlistedReferenceTests
{
    private const string Root = """
        openapi: 3.0.3
        info: { title: T, version: "1" }
        paths:
          /things:
            get:
              operationId: listThings
              parameters:
                - $ref: 'parts.yaml#/parameters/Missing'
              responses:
                "200": { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Holder' } } } }
        components:
          schemas:
            Thing:
              $ref: 'other.yaml#/Thing'
            Holder:
              type: object
              properties:
                thing: { $ref: '#/components/schemas/Thing' }
                sameName: { $ref: 'other.yaml#/components/schemas/Holder' }
                missing: { $ref: 'parts.yaml#/schemas/Missing' }
                kept: { $ref: 'parts.yaml#/schemas/Kept' }
        """;

    private const string Parts = """
        schemas:
          Kept: { type: object, properties: { name: { type: string } } }
        parameters:
          Other: { name: other, in: query, schema: { type: string } }
        """;

    [Fact]
    public void Each_is_reported_at_its_line_and_the_rest_of_the_spec_generates()
    {
        var result = Generate();

        var findings = result.Diagnostics.Where(diagnostic => diagnostic.Id == DiagnosticIds.UnresolvedReference).OrderBy(diagnostic => diagnostic.Span.StartLine).ToList();
        Assert.Equal(new[] { 8, 13, 19, 20 }, findings.Select(diagnostic => diagnostic.Span.StartLine + 1));
        Assert.All(findings, diagnostic => Assert.Equal("/0/specs/main.yaml", diagnostic.FilePath));
        Assert.Contains("'other.yaml#/Thing' names a file that is not listed", findings[1].Message, StringComparison.Ordinal);
        Assert.Contains("'parts.yaml#/schemas/Missing' points at nothing", findings[3].Message, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Diagnostics, diagnostic => diagnostic.Severity == Severity.Error || diagnostic.Id is DiagnosticIds.UnreadableNode or DiagnosticIds.InternalError);

        var generated = GeneratedCompilation.Text(result);
        Assert.Contains("ListThingsAsync(", generated, StringComparison.Ordinal);
        Assert.Contains("public global::System.Text.Json.JsonElement Thing { get", generated, StringComparison.Ordinal);
        Assert.Contains("public global::System.Text.Json.JsonElement Missing { get", generated, StringComparison.Ordinal);
        Assert.Contains("public global::Test.Models.Kept? Kept { get", generated, StringComparison.Ordinal);
        Assert.Empty(GeneratedCompilation.Compile(result).GetDiagnostics().Where(diagnostic => diagnostic.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning));
    }

    [Fact]
    public void A_pointer_into_an_unlisted_file_never_takes_the_schema_of_the_same_name_in_the_root()
    {
        var generated = GeneratedCompilation.Text(Generate());

        Assert.Contains("public global::System.Text.Json.JsonElement SameName { get", generated, StringComparison.Ordinal);
        Assert.DoesNotContain("class Holder2", generated, StringComparison.Ordinal);
    }

    private static GenerationResult Generate() =>
        SdkGenerator.Generate(new SpecSource("/0/specs/main.yaml", Root, "Test", "TestClient", "Test")
        {
            Siblings = new[] { new SpecFile("/0/specs/parts.yaml", Parts) }.ToEquatableArray(),
        });
}
