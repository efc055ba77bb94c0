using CrmSdkGen.Tests.Support;

namespace CrmSdkGen.Tests.Generator;

/// <summary>Vendor spec shapes the client handles fully give no warning, since a warning fails a consumer that treats warnings as errors.</summary>
public sealed class VendorShapeWarningTests
{
    [Fact]
    public void Parameters_whose_alternatives_are_all_scalars_are_taken_as_text_without_a_warning()
    {
        // GitHub's workflow_id: the numeric id or the workflow's file name, written the same way in the URL.
        const string spec = """
            openapi: 3.1.0
            info: { title: Workflows, version: "1" }
            paths:
              /repos/{owner}/workflows/{workflow_id}:
                get:
                  operationId: GetWorkflow
                  parameters:
                    - { name: owner, in: path, required: true, schema: { type: string } }
                    - name: workflow_id
                      in: path
                      required: true
                      schema: { oneOf: [ { type: integer }, { type: string } ] }
                    - name: cursor
                      in: query
                      schema: { anyOf: [ { type: string, maxLength: 40 }, { type: string, enum: [""] } ] }
                    - { name: X-Page-Size, in: header, schema: { type: [integer, string] } }
                  responses:
                    "200": { description: ok }
            """;

        var result = GeneratedCompilation.GenerateText(spec);
        var code = GeneratedCompilation.Text(result);

        Assert.Empty(result.Diagnostics);
        Assert.Contains("GetWorkflowAsync(string owner, string workflowId, string? cursor = default, string? xPageSize = default,", code);
        Assert.DoesNotContain("class GetWorkflow", code);
        Assert.Contains("request.AddQueryParameter(\"cursor\",", code);
        Assert.Empty(GeneratedCompilation.Problems(GeneratedCompilation.Compile(result)));
    }

    [Fact]
    public void Security_schemes_that_the_handler_applies_are_information_and_others_a_warning()
    {
        const string spec = """
            openapi: 3.1.0
            info: { title: Schemes, version: "1" }
            paths:
              /contacts:
                get:
                  operationId: ListContacts
                  responses:
                    "200": { description: ok }
            components:
              securitySchemes:
                certificate: { type: mutualTLS }
                digest: { type: http, scheme: Digest }
                windows: { type: http, scheme: negotiate }
                hoba: { type: http, scheme: hoba }
            """;

        var result = GeneratedCompilation.GenerateText(spec);

        var severities = result.Diagnostics.Where(diagnostic => diagnostic.Id == "CSG0007")
            .ToDictionary(diagnostic => diagnostic.Message.Split('\'')[1], diagnostic => diagnostic.Severity);
        Assert.Equal(
            new Dictionary<string, Kernel.Severity> { ["certificate"] = Kernel.Severity.Info, ["digest"] = Kernel.Severity.Info, ["windows"] = Kernel.Severity.Info, ["hoba"] = Kernel.Severity.Warning },
            severities);
        Assert.Empty(GeneratedCompilation.Problems(GeneratedCompilation.Compile(result)));
    }
}
