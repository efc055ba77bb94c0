using CrmSdkGen.Kernel;
using CrmSdkGen.Tests.Support;

namespace CrmSdkGen.Tests.Read;

/// <summary>What the OpenAPI reader finds wrong is reported at the node it names, in Swagger 2.0 as in OpenAPI 3.</summary>
public sealed class ReaderFindingTests
{
    [Fact]
    public void A_Swagger_2_finding_whose_pointer_is_in_its_message_is_located_at_that_node()
    {
        var result = GeneratedCompilation.GenerateText("""
            swagger: "2.0"
            info: { title: T, version: "1" }
            paths: {}
            definitions:
              Thing:
                type: object
                properties:
                  name: { type: string }
                  nick: { type: string, nullable: true }
            """);

        var finding = Assert.Single(result.Diagnostics, diagnostic => diagnostic.Id == DiagnosticIds.SpecRuleViolation);
        Assert.Contains("nullable is not a valid property at #/definitions/Thing/properties/nick", finding.Message, StringComparison.Ordinal);
        Assert.Equal((8, 6), (finding.Span.StartLine, finding.Span.StartColumn));
    }

    [Theory]
    [InlineData("swagger: \"2.0\"\ninfo: { title: T, version: \"1\" }\npaths: {}\nsecurityDefinitions:\n  API Key: { type: apiKey, name: hapikey, in: query }\n", 4)]
    [InlineData("swagger: \"2.0\"\ninfo: { title: T, version: \"1\" }\npaths: {}\ndefinitions:\n  ok: { type: string }\n  My Thing: { type: string }\n", 5)]
    [InlineData("openapi: 3.0.3\ninfo: { title: T, version: \"1\" }\npaths: {}\ncomponents:\n  schemas:\n    My Thing: { type: string }\n", 5)]
    public void A_component_key_the_names_rule_refuses_is_located_at_the_key(string spec, int line)
    {
        var result = GeneratedCompilation.GenerateText(spec);

        var finding = Assert.Single(result.Diagnostics, diagnostic => diagnostic.Id == DiagnosticIds.SpecRuleViolation);
        Assert.Contains("MUST match the regular expression", finding.Message, StringComparison.Ordinal);
        Assert.Equal(line, finding.Span.StartLine);
    }

    [Fact]
    public void An_OpenAPI_3_finding_is_located_at_the_pointer_the_reader_gives()
    {
        var result = GeneratedCompilation.GenerateText("""
            openapi: 3.0.3
            info: { title: T, version: "1" }
            paths:
              /a/{id}:
                get: { parameters: [ { name: id, in: path, required: true, schema: { type: string } } ], responses: { "200": { description: ok } } }
              /a/{key}:
                get: { parameters: [ { name: key, in: path, required: true, schema: { type: string } } ], responses: { "200": { description: ok } } }
            """);

        var finding = Assert.Single(result.Diagnostics, diagnostic => diagnostic.Id == DiagnosticIds.SpecRuleViolation);
        Assert.NotEqual(0, finding.Span.StartLine);
    }
}
