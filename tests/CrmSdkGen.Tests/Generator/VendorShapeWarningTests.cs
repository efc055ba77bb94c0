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

    [Theory]
    [InlineData(true, "ListIncidentsAsync(string? xRequestId = default,")]
    [InlineData(false, "ListIncidentsAsync(string authorization, string? xRequestId = default,")]
    public void Accept_Content_Type_and_Authorization_parameters_are_sent_as_fixed_or_left_to_the_client(bool securityScheme, string signature)
    {
        // PagerDuty declares a versioned Accept and a Content-Type as required headers of every operation.
        var spec = $$"""
            openapi: 3.0.3
            info: { title: Incidents, version: "2" }
            paths:
              /incidents:
                get:
                  operationId: ListIncidents
                  parameters:
                    - { name: Accept, in: header, required: true, schema: { type: string, default: "application/vnd.pagerduty+json;version=2" } }
                    - { name: content-type, in: header, required: true, schema: { type: string, enum: [application/json] } }
                    - { name: Authorization, in: header, required: true, schema: { type: string } }
                    - { name: X-Request-Id, in: header, schema: { type: string } }
                  responses:
                    "204": { description: none }
                post:
                  operationId: CreateIncident
                  parameters:
                    - { name: Content-Type, in: header, required: true, schema: { type: string, enum: [application/json] } }
                    - { name: Accept, in: header, required: true, schema: { type: string, enum: [application/json, text/csv] } }
                  requestBody:
                    content:
                      application/json:
                        schema: { type: object, properties: { title: { type: string } } }
                  responses:
                    "204": { description: none }
            components:
              {{(securityScheme ? "securitySchemes: { api_key: { type: apiKey, in: header, name: Authorization } }" : "schemas: {}")}}
            """;

        var result = GeneratedCompilation.GenerateText(spec);
        var code = GeneratedCompilation.Text(result);

        Assert.Contains(signature, code);
        Assert.Contains("request.AddHeader(\"Accept\", \"application/vnd.pagerduty+json;version=2\");", code);
        Assert.Contains("request.AddHeader(\"content-type\", \"application/json\");", code);

        // With a body, its media type is the Content-Type; an Accept with a choice stays the caller's.
        Assert.Contains("CreateIncidentAsync(global::Test.Api.Models.CreateIncidentAccept accept, global::Test.Api.Models.CreateIncidentRequest? body = default,", code);
        Assert.DoesNotContain("\"Content-Type\"", code);
        Assert.Empty(GeneratedCompilation.Problems(GeneratedCompilation.Compile(result)));
    }
}
