using CrmSdkGen.Emit;
using CrmSdkGen.Generation;
using CrmSdkGen.Model;
using CrmSdkGen.Tests.Support;

namespace CrmSdkGen.Tests.Generator;

/// <summary>A project's template replaces the built-in one of the same name; a broken one is an error at its own line.</summary>
public sealed class TemplateOverrideTests
{
    public static TheoryData<string, string> Templates => new()
    {
        { "Model", "Test.Api.Models.Contact.g.cs" },
        { "Enum", "Test.Api.Models.LifecycleStage.g.cs" },
        { "IntegerEnum", "Test.Api.Models.Priority.g.cs" },
        { "Union", "Test.Api.Models.Owner.g.cs" },
        { "Group", "Test.Api.ContactsClient.g.cs" },
        { "Client", "Test.Api.TestClient.g.cs" },
        { "Options", "Test.Api.TestClientOptions.g.cs" },
        { "Security", "Test.Api.TestClientSecurity.g.cs" },
        { "Registration", "Test.Api.TestClientServiceCollectionExtensions.g.cs" },
        { "SyncAdapter", "Test.Api.ContactsSyncAdapter.g.cs" },
    };

    private const string Spec = """
        openapi: 3.0.3
        info: { title: Templates, version: "1" }
        components:
          securitySchemes:
            key: { type: apiKey, in: header, name: X-Key }
          schemas:
            Contact:
              type: object
              properties:
                id: { type: string }
                updatedAt: { type: string, format: date-time }
                stage: { $ref: '#/components/schemas/LifecycleStage' }
                priority: { $ref: '#/components/schemas/Priority' }
                owner: { $ref: '#/components/schemas/Owner' }
            LifecycleStage: { type: string, enum: [lead, customer] }
            Priority: { type: integer, enum: [1, 2] }
            Owner:
              oneOf:
                - { type: string }
                - { $ref: '#/components/schemas/Contact' }
        security: [{ key: [] }]
        paths:
          /contacts:
            get:
              tags: [Contacts]
              operationId: listContacts
              responses:
                "200": { description: All., content: { application/json: { schema: { type: array, items: { $ref: '#/components/schemas/Contact' } } } } }
          /contacts/{id}:
            get:
              tags: [Contacts]
              operationId: getContact
              parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
              responses:
                "200": { description: One., content: { application/json: { schema: { $ref: '#/components/schemas/Contact' } } } }
        """;

    [Theory]
    [MemberData(nameof(Templates))]
    public void An_override_replaces_the_built_in_template_of_its_name_and_only_that(string template, string file)
    {
        var marker = $"// Rendered by the project's {template}.sbn";
        var result = Generate(new TemplateOverride(template, $"/project/templates/{template}.sbn", marker + "\n" + TemplateCatalog.ReadSource(template), string.Empty));

        Assert.Empty(result.Diagnostics);
        Assert.StartsWith(marker, Assert.Single(result.Files, generated => generated.HintName == file).Content, StringComparison.Ordinal);
        Assert.Equal([file], result.Files.Where(generated => generated.Content.Contains(marker, StringComparison.Ordinal)).Select(generated => generated.HintName));
        Assert.Empty(GeneratedCompilation.Problems(GeneratedCompilation.Compile(result)));
    }

    [Fact]
    public void A_spec_s_own_override_wins_over_the_project_wide_one_and_others_specs_keep_theirs()
    {
        var projectWide = new TemplateOverride("Client", "/project/templates/Client.sbn", "// project-wide\n" + TemplateCatalog.ReadSource("Client"), string.Empty);
        var ownSpec = new TemplateOverride("Client", "/project/templates/crm/Client.sbn", "// for spec.yaml\n" + TemplateCatalog.ReadSource("Client"), "spec.yaml");
        var otherSpec = new TemplateOverride("Client", "/project/templates/other/Client.sbn", "// for other.yaml\n" + TemplateCatalog.ReadSource("Client"), "other.yaml");

        var client = Assert.Single(Generate(projectWide, ownSpec, otherSpec).Files, file => file.HintName == "Test.Api.TestClient.g.cs").Content;

        Assert.StartsWith("// for spec.yaml", client, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{{ for p in model.properties }}", 0, "<end> statement was not found")]
    [InlineData("// header\n{{ model.nmae }}", 1, "nmae")]
    [InlineData("// header\n// more\n{{ model.name | string.nonexistent_function }}", 2, "nonexistent_function")]
    public void A_broken_override_is_an_error_at_its_line_naming_the_template_and_the_built_in_one_renders_instead(string text, int line, string detail)
    {
        var result = Generate(new TemplateOverride("Model", "/project/templates/Model.sbn", text, string.Empty));

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(("CSG0009", Severity.Error, "/project/templates/Model.sbn", line), (error.Id, error.Severity, error.FilePath, error.Span.StartLine));
        Assert.Contains("replacing the built-in Model.sbn", error.Message, StringComparison.Ordinal);
        Assert.True(error.Message.Contains(detail, StringComparison.OrdinalIgnoreCase), error.Message);
        Assert.Contains(result.Files, file => file.HintName == "Test.Api.Models.Contact.g.cs" && file.Content.Contains("public partial class Contact", StringComparison.Ordinal));
        Assert.Empty(GeneratedCompilation.Problems(GeneratedCompilation.Compile(result)));
    }

    private static GenerationResult Generate(params TemplateOverride[] templates)
    {
        var model = SdkGenerator.BuildModel(new SpecSource("/project/specs/spec.yaml", Spec, "Test.Api", "TestClient", "Test"), CancellationToken.None);
        return SdkGenerator.Emit(model, templates.ToEquatableArray(), CancellationToken.None);
    }
}
