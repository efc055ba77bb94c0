using CrmSdkGen.Emit;
using CrmSdkGen.Generation;
using CrmSdkGen.Kernel;
using CrmSdkGen.Tests.Support;

namespace CrmSdkGen.Tests.Generator;

/// <summary>A Model template receives each property's constraints as data and its own validator statements, so it can reshape validation.</summary>
public sealed class ValidationTemplateTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: { title: Rules, version: "1" }
        components:
          schemas:
            Contact:
              type: object
              required: [email]
              properties:
                email: { type: string, format: email, maxLength: 100 }
                code: { type: string, pattern: '^[A-Z]{3}$' }
                age: { type: integer, minimum: 0, maximum: 150, exclusiveMaximum: true }
                score: { type: number, multipleOf: 0.5 }
                tags: { type: array, minItems: 1, uniqueItems: true, items: { type: string } }
                stage: { type: string, enum: [lead, customer] }
                password: { type: string, minLength: 8 }
        paths: {}
        """;

    [Fact]
    public void Each_property_s_rules_describe_its_constraints()
    {
        var template = TemplateCatalog.ReadSource("Model").Replace(
            "{{~ for s in model.validation ~}}",
            "{{~ for p in model.properties ~}}\n        // {{ p.json_name }}:{{ for r in p.rules }} {{ r.kind }}({{ r.min }},{{ r.max }},{{ r.exclusive_min }},{{ r.exclusive_max }},{{ r.argument }}){{ end }}{{ if p.sensitive }} sensitive{{ end }}\n{{~ end ~}}\n{{~ for s in model.validation ~}}",
            StringComparison.Ordinal);

        var contact = Render(template);

        Assert.Contains("// email: required(null,null,false,false,) length(null,100,false,false,) format(null,null,false,false,email)\n", contact, StringComparison.Ordinal);
        Assert.Contains("// code: pattern(null,null,false,false,^[A-Z]{3}$)\n", contact, StringComparison.Ordinal);
        Assert.Contains("// age: range(0m,150m,false,true,)\n", contact, StringComparison.Ordinal);
        Assert.Contains("// score: multiple_of(null,null,false,false,0.5d)\n", contact, StringComparison.Ordinal);
        Assert.Contains("// tags: items(1,null,false,false,) unique(null,null,false,false,)\n", contact, StringComparison.Ordinal);
        Assert.Contains("// stage: known(null,null,false,false,)\n", contact, StringComparison.Ordinal);
        Assert.Contains("// password: length(8,null,false,false,) sensitive\n", contact, StringComparison.Ordinal);
    }

    [Fact]
    public void The_validator_rebuilt_from_each_property_s_statements_is_the_built_in_one()
    {
        var template = TemplateCatalog.ReadSource("Model").Replace(
            "{{~ for s in model.validation ~}}",
            "{{~ for p in model.properties; for s in p.validation_statements ~}}",
            StringComparison.Ordinal).Replace(
            "{{ s }}\n{{~ end ~}}",
            "{{ s }}\n{{~ end; end ~}}",
            StringComparison.Ordinal);
        Assert.Contains("p.validation_statements", template, StringComparison.Ordinal);

        Assert.Equal(Render(TemplateCatalog.ReadSource("Model")), Render(template));
    }

    private static string Render(string modelTemplate)
    {
        var model = SdkGenerator.BuildModel(new SpecSource("/project/specs/rules.yaml", Spec, "Test.Api", "TestClient", "Test"), CancellationToken.None);
        var result = SdkGenerator.Emit(model, new[] { new TemplateOverride("Model", "/project/templates/Model.sbn", modelTemplate, string.Empty) }.ToEquatableArray(), CancellationToken.None);
        Assert.DoesNotContain(result.Diagnostics, diagnostic => diagnostic.Severity == Severity.Error);
        return Assert.Single(result.Files, file => file.HintName == "Test.Api.Models.Contact.g.cs").Content;
    }
}
