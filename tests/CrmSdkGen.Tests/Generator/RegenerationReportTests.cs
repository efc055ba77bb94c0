using CrmSdkGen.Generation;
using CrmSdkGen.Kernel;
using CrmSdkGen.Output;
using CrmSdkGen.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CrmSdkGen.Tests.Generator;

/// <summary>With a Baseline, every breaking change of a new spec version is a warning at its place in the new spec.</summary>
public sealed class RegenerationReportTests
{
    internal const string Baseline = """
        openapi: 3.0.3
        info: { title: Report, version: "1" }
        paths:
          /contacts:
            get:
              operationId: listContacts
              parameters:
                - { name: limit, in: query, schema: { type: integer, format: int32, maximum: 100 } }
                - { name: region, in: query, schema: { type: string } }
                - { name: after, in: query, schema: { type: string } }
              responses:
                "200": { description: All., content: { application/json: { schema: { type: array, items: { $ref: '#/components/schemas/Contact' } } } } }
                "404": { description: None., content: { application/json: { schema: { $ref: '#/components/schemas/Error' } } } }
            post:
              operationId: createContact
              requestBody: { content: { application/json: { schema: { $ref: '#/components/schemas/Contact' } } } }
              responses:
                "201": { description: Created., content: { application/json: { schema: { $ref: '#/components/schemas/Contact' } } } }
          /contacts/{id}:
            delete:
              operationId: deleteContact
              parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
              responses:
                "204": { description: Gone. }
        components:
          schemas:
            Contact:
              type: object
              required: [id]
              properties:
                id: { type: string }
                email: { type: string, maxLength: 200 }
                phone: { type: string }
                score: { type: integer, format: int32 }
                stage: { $ref: '#/components/schemas/Stage' }
            Stage: { type: string, enum: [lead, customer, churned] }
            Error: { type: object, properties: { message: { type: string } } }
        """;

    internal const string Current = """
        openapi: 3.0.3
        info: { title: Report, version: "2" }
        paths:
          /contacts:
            get:
              operationId: listContacts
              parameters:
                - { name: limit, in: query, schema: { type: integer, format: int32, maximum: 50 } }
                - { name: region, in: header, schema: { type: string } }
                - { name: sort, in: query, required: true, schema: { type: string } }
              responses:
                "200": { description: All., content: { application/json: { schema: { type: array, items: { $ref: '#/components/schemas/Contact' } } } } }
            post:
              operationId: createContact
              requestBody: { content: { application/json: { schema: { $ref: '#/components/schemas/Contact' } } } }
              responses:
                "201": { description: Created., content: { application/json: { schema: { $ref: '#/components/schemas/Contact' } } } }
          /contacts/{id}:
            get:
              operationId: getContact
              parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
              responses:
                "200": { description: One., content: { application/json: { schema: { $ref: '#/components/schemas/Contact' } } } }
        components:
          schemas:
            Contact:
              type: object
              required: [id, email]
              properties:
                id: { type: string }
                email: { type: string, maxLength: 100 }
                mobile: { type: string }
                score: { type: integer, format: int64 }
                stage: { $ref: '#/components/schemas/Stage' }
                nickname: { type: string }
            Stage: { type: string, enum: [lead, customer, partner] }
            Error: { type: object, properties: { message: { type: string } } }
        """;

    public static TheoryData<string, string, string> Changes => new()
    {
        { "CSG0101", "DELETE /contacts/{id} (deleteContact) was removed", "/contacts/{id}:" },
        { "CSG0102", "'phone' of Contact was removed or renamed to 'mobile'", "mobile:" },
        { "CSG0103", "'score' of Contact changed from integer (int32) to integer (int64)", "score:" },
        { "CSG0104", "'email' of Contact became required", "email:" },
        { "CSG0104", "gained the required query parameter 'sort'", "name: sort" },
        { "CSG0105", "The value 'churned' of Stage was removed", "Stage:" },
        { "CSG0106", "The '404' response of GET /contacts (listContacts) was removed", "responses:" },
        { "CSG0107", "'region' of GET /contacts (listContacts) moved from the query to the header", "name: region" },
        { "CSG0108", "'email' of Contact narrowed: maxLength 200 → 100", "email:" },
        { "CSG0108", "'limit' of GET /contacts (listContacts) narrowed: maximum 100 → 50", "name: limit" },
        { "CSG0109", "The query parameter 'after' of GET /contacts (listContacts) was removed", "get:" },
        { "CSG0110", "The operation GET /contacts/{id} (getContact) was added", "get:" },
        { "CSG0110", "Stage gained the value 'partner'", "Stage:" },
        { "CSG0110", "Contact gained the property 'nickname'", "nickname:" },
        { "CSG0110", "Contact gained the property 'mobile'", "mobile:" },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void Each_change_is_reported_once_at_its_place_in_the_new_spec(string id, string message, string lineStartsWith)
    {
        var diagnostics = Report(Current);

        var found = Assert.Single(diagnostics, diagnostic => diagnostic.Id == id && diagnostic.Message.Contains(message, StringComparison.Ordinal));
        Assert.Equal(id == "CSG0110" ? Severity.Info : Severity.Warning, found.Severity);
        Assert.Equal("/project/specs/report.yaml", found.FilePath);
        Assert.StartsWith(lineStartsWith, Current.Split('\n')[found.Span.StartLine].TrimStart(' ', '-').TrimStart('{', ' '), StringComparison.Ordinal);
    }

    [Fact]
    public void The_report_has_nothing_else_and_nothing_for_an_unchanged_spec()
    {
        Assert.Equal(Changes.Count, Report(Current).Count(diagnostic => diagnostic.Id.StartsWith("CSG01", StringComparison.Ordinal)));
        Assert.DoesNotContain(Report(Baseline), diagnostic => diagnostic.Id.StartsWith("CSG01", StringComparison.Ordinal));
    }

    [Fact]
    public void Inline_schemas_are_paired_through_their_owner_so_reordered_parameters_change_nothing()
    {
        const string Before = """
            openapi: 3.0.3
            info: { title: Inline, version: "1" }
            paths:
              /deals:
                get:
                  parameters:
                    - { name: stage, in: query, schema: { type: string, enum: [open, won, lost] } }
                    - { name: sort, in: query, schema: { type: string, enum: [asc, desc] } }
                  responses:
                    "200": { description: Deals., content: { application/json: { schema: { type: object, properties: { kind: { type: string, enum: [deal, lead] } } } } } }
            """;
        const string After = """
            openapi: 3.0.3
            info: { title: Inline, version: "2" }
            paths:
              /deals:
                get:
                  parameters:
                    - { name: sort, in: query, schema: { type: string, enum: [asc, desc] } }
                    - { name: stage, in: query, schema: { type: string, enum: [open, won, lost] } }
                  responses:
                    "200": { description: Deals., content: { application/json: { schema: { type: object, properties: { kind: { type: string, enum: [deal] } } } } } }
            """;
        var source = new SpecSource("/project/specs/inline.yaml", After, "Test.Api", "TestClient", "Test")
        {
            BaselinePath = "/project/specs/inline-v1.yaml",
            Baseline = new SpecFile("/project/specs/inline-v1.yaml", Before),
        };

        var report = SdkGenerator.BuildModel(source, CancellationToken.None).Diagnostics.Where(diagnostic => diagnostic.Id.StartsWith("CSG01", StringComparison.Ordinal)).ToList();

        // The response-only enum losing a value breaks no client: information, not a warning.
        var removed = Assert.Single(report);
        Assert.Equal(("CSG0105", Severity.Info), (removed.Id, removed.Severity));
        Assert.Contains("'lead'", removed.Message, StringComparison.Ordinal);
        Assert.Contains("only appears in responses", removed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_from_the_spec_cannot_forge_another_line_of_build_output()
    {
        var before = Baseline.Replace("enum: [lead, customer, churned]", "enum: [lead, customer, \"churned\\r\\n/x.yaml(1,1): error CSG0001: forged\"]", StringComparison.Ordinal);
        var current = Current.Replace("enum: [lead, customer, partner]", "enum: [lead, customer]", StringComparison.Ordinal);
        var source = new SpecSource("/project/specs/report.yaml", current, "Test.Api", "TestClient", "Test")
        {
            BaselinePath = "/project/baselines/report-v1.yaml",
            Baseline = new SpecFile("/project/baselines/report-v1.yaml", before),
        };

        var removed = Assert.Single(SdkGenerator.BuildModel(source, CancellationToken.None).Diagnostics, diagnostic => diagnostic.Id == "CSG0105");

        Assert.Contains("churned??/x.yaml(1,1): error CSG0001: forged", removed.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', removed.Message);
    }

    [Fact]
    public void A_baseline_the_project_does_not_pass_is_a_warning_not_a_failure()
    {
        var source = new SpecSource("/project/specs/report.yaml", Current, "Test.Api", "TestClient", "Test") { BaselinePath = "/project/specs/missing.yaml" };
        var model = SdkGenerator.BuildModel(source, CancellationToken.None);

        var warning = Assert.Single(model.Diagnostics, diagnostic => diagnostic.Id == "CSG0100");
        Assert.Contains("missing.yaml", warning.Message, StringComparison.Ordinal);
        Assert.NotNull(model.Api);
    }

    [Fact]
    public void The_compiler_reports_the_breaking_changes_of_a_spec_item_with_Baseline_metadata()
    {
        var compilation = CSharpCompilation.Create("Consumer", [CSharpSyntaxTree.ParseText("internal static class ConsumerCode { }", GeneratedCompilation.ParseOptions)], GeneratedCompilation.MetadataReferences, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var driver = CSharpGeneratorDriver.Create(
            [new CrmSdkGenGenerator().AsSourceGenerator()],
            [new InMemoryAdditionalText("/project/specs/report.yaml", Current), new InMemoryAdditionalText("/project/baselines/report-v1.yaml", Baseline)],
            GeneratedCompilation.ParseOptions,
            new SpecItemOptionsProvider("Test.Api", "TestClient", BaselineMetadata, projectDirectory: "/project"));

        var diagnostics = driver.RunGenerators(compilation).GetRunResult().Diagnostics;

        Assert.Contains(diagnostics, diagnostic => diagnostic.Id == "CSG0101" && diagnostic.Severity == DiagnosticSeverity.Warning && diagnostic.Location.GetLineSpan().Path == "/project/specs/report.yaml");
        Assert.Equal(Changes.Count, diagnostics.Count(diagnostic => diagnostic.Id.StartsWith("CSG01", StringComparison.Ordinal)));
    }

    private static IReadOnlyList<DiagnosticInfo> Report(string current)
    {
        var source = new SpecSource("/project/specs/report.yaml", current, "Test.Api", "TestClient", "Test")
        {
            BaselinePath = "/project/baselines/report-v1.yaml",
            Baseline = new SpecFile("/project/baselines/report-v1.yaml", Baseline),
        };
        return SdkGenerator.BuildModel(source, CancellationToken.None).Diagnostics;
    }

    // What MSBuild passes for <CrmSdkGenSpec Include="specs/report.yaml" Baseline="baselines/report-v1.yaml" />.
    private static Dictionary<string, string> BaselineMetadata(string path) => path.Contains("baselines", StringComparison.Ordinal)
        ? new() { ["build_metadata.AdditionalFiles.CrmSdkGenBaseline"] = "true" }
        : new() { ["build_metadata.AdditionalFiles.CrmSdkGenSpec"] = "true", ["build_metadata.AdditionalFiles.Baseline"] = "baselines/report-v1.yaml" };
}
