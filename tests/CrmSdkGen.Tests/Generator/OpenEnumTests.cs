using System.Text.Json.Nodes;
using CrmSdkGen.Model;
using CrmSdkGen.Model.Mapping;
using CrmSdkGen.Tests.Support;
using Microsoft.OpenApi;

namespace CrmSdkGen.Tests.Generator;

/// <summary>
/// A string with its known values as a second alternative (OpenAI's model ids, Stripe's empty string that clears a
/// field) is one type, not a union: the enum, which keeps unlisted values, or the string.
/// </summary>
public sealed class OpenEnumTests
{
    private const string Spec = """
        openapi: 3.1.0
        info: { title: Open, version: "1" }
        paths: {}
        components:
          schemas:
            ModelIds:
              anyOf:
                - type: string
                - type: string
                  enum: [gpt-5.4, gpt-5.4-mini, o3]
            Voice:
              type: string
              enum: [alloy, echo]
            Request:
              type: object
              properties:
                model: { $ref: '#/components/schemas/ModelIds' }
                reused:
                  anyOf: [ { type: string }, { $ref: '#/components/schemas/ModelIds' } ]
                voice:
                  oneOf: [ { type: string }, { $ref: '#/components/schemas/Voice' } ]
                support_url:
                  anyOf: [ { type: string }, { type: string, enum: [""] } ]
                short_name:
                  anyOf: [ { type: string, maxLength: 5 }, { type: string, enum: [a, b] } ]
                tier:
                  anyOf: [ { type: string }, { type: string, enum: [auto, flex] }, { type: "null" } ]
        """;

    private static readonly OpenApiSchema Text = new() { Type = JsonSchemaType.String };
    private static readonly OpenApiSchema Null = new() { Type = JsonSchemaType.Null };
    private static readonly OpenApiSchema Two = new() { Type = JsonSchemaType.String, Enum = [JsonValue.Create("a"), JsonValue.Create("b")] };
    private static readonly OpenApiSchema One = new() { Type = JsonSchemaType.String, Enum = [JsonValue.Create("")] };
    private static readonly OpenApiSchema NestedTwo = new() { AnyOf = [Text, Two] };

    public static TheoryData<string, OpenApiSchema, int?> Forms => new()
    {
        { "text, then two values", new() { AnyOf = [Text, Two] }, 1 },
        { "two values, then text", new() { AnyOf = [Two, Text] }, 0 },
        { "oneOf with null", new() { OneOf = [Null, Text, Two] }, 2 },
        { "one value", new() { AnyOf = [Text, One] }, 0 },
        { "untyped values", new() { AnyOf = [Text, new OpenApiSchema { Enum = Two.Enum }] }, 1 },
        { "constrained text", new() { AnyOf = [new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 5 }, Two] }, 0 },
        { "typed as string", new() { Type = JsonSchemaType.String, AnyOf = [Text, Two] }, 1 },
        { "an open enum reused", new() { AnyOf = [Text, NestedTwo] }, 1 },
        { "an open enum of one value reused", new() { AnyOf = [Text, new OpenApiSchema { AnyOf = [Text, One] }] }, null },
        { "open enums two deep", new() { AnyOf = [Text, new OpenApiSchema { AnyOf = [Text, NestedTwo] }] }, null },
        { "text with a format", new() { AnyOf = [new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" }, Two] }, null },
        { "text with a constant", new() { AnyOf = [new OpenApiSchema { Type = JsonSchemaType.String, Const = "x" }, Two] }, null },
        { "text with alternatives", new() { AnyOf = [new OpenApiSchema { Type = JsonSchemaType.String, OneOf = [Text] }, Two] }, null },
        { "text with properties", new() { AnyOf = [new OpenApiSchema { Type = JsonSchemaType.String, Properties = new Dictionary<string, IOpenApiSchema> { ["a"] = Text } }, Two] }, null },
        { "text with allOf", new() { AnyOf = [new OpenApiSchema { Type = JsonSchemaType.String, AllOf = [Text] }, Two] }, null },
        { "values with properties", new() { AnyOf = [Text, new OpenApiSchema { Enum = Two.Enum, Properties = new Dictionary<string, IOpenApiSchema> { ["a"] = Text } }] }, null },
        { "values with allOf", new() { AnyOf = [Text, new OpenApiSchema { Enum = Two.Enum, AllOf = [Text] }] }, null },
        { "integer values", new() { AnyOf = [Text, new OpenApiSchema { Type = JsonSchemaType.Integer, Enum = [JsonValue.Create(1), JsonValue.Create(2)] }] }, null },
        { "two texts", new() { AnyOf = [Text, Text] }, null },
        { "two enums", new() { AnyOf = [Two, Two] }, null },
        { "a third alternative", new() { AnyOf = [Text, Two, new OpenApiSchema { Type = JsonSchemaType.Integer }] }, null },
        { "text alone", new() { AnyOf = [Text, Null] }, null },
        { "values alone", new() { AnyOf = [Two] }, null },
        { "typed as integer", new() { Type = JsonSchemaType.Integer, AnyOf = [Text, Two] }, null },
        { "with an enum of its own", new() { Enum = Two.Enum, AnyOf = [Text, Two] }, null },
        { "with properties", new() { Properties = new Dictionary<string, IOpenApiSchema> { ["a"] = Text }, AnyOf = [Text, Two] }, null },
        { "with allOf", new() { AllOf = [Text], AnyOf = [Text, Two] }, null },
        { "split over oneOf and anyOf", new() { OneOf = [Text], AnyOf = [Two] }, null },
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public void Each_form_maps_as_the_alternative_it_names(string form, OpenApiSchema schema, int? chosen)
    {
        Assert.False(string.IsNullOrEmpty(form));
        Assert.Equal(chosen, OpenEnum.Chosen(schema));
        if (chosen is not null)
        {
            Assert.Equal(SchemaShape.Alias, SchemaClassifier.Classify(schema));
        }
    }

    [Fact]
    public void The_enum_is_the_type_when_it_lists_two_values_or_more()
    {
        var result = GeneratedCompilation.GenerateText(Spec);
        var code = GeneratedCompilation.Text(result);

        Assert.Empty(result.Diagnostics);
        Assert.Contains("public readonly partial record struct ModelIds : global::CrmSdkGen.Runtime.Json.IStringEnum<ModelIds>", code);
        Assert.Contains("public static ModelIds Gpt54Mini { get; } = new(\"gpt-5.4-mini\");", code);
        Assert.Contains("public global::Test.Api.Models.ModelIds? Model { get", code);
        Assert.Contains("public global::Test.Api.Models.ModelIds? Reused { get", code);
        Assert.Contains("public global::Test.Api.Models.Voice? Voice { get", code);
        Assert.Contains("public global::Test.Api.Models.RequestTier? Tier { get", code);
        Assert.DoesNotContain("ModelIdsOption", code);
        Assert.DoesNotContain("IJsonModel<ModelIds>", code);
    }

    [Fact]
    public void The_string_is_the_type_when_the_enum_lists_one_value_or_the_string_has_constraints()
    {
        var result = GeneratedCompilation.GenerateText(Spec);
        var code = GeneratedCompilation.Text(result);

        Assert.Contains("public string? SupportUrl { get", code);
        Assert.Contains("public string? ShortName { get", code);
        Assert.Equal("True|False", Probe(result, "{\"short_name\":\"toolong\"}", "(request.ShortName == \"toolong\") + \"|\" + request.Validate().IsValid"));
    }

    [Fact]
    public void Unlisted_values_are_read_kept_and_written_back()
    {
        var result = GeneratedCompilation.GenerateText(Spec);

        var read = Probe(
            result,
            "{\"model\":\"o3\",\"reused\":\"gpt-9-preview\",\"voice\":\"echo\",\"support_url\":\"\",\"tier\":null}",
            "(request.Model == Test.Api.Models.ModelIds.O3) + \"|\" + request.Reused + \"|\" + (request.Voice == Test.Api.Models.Voice.Echo) + \"|\" + request.Tier + \"|\" + Written(request)");

        Assert.Equal("True|gpt-9-preview|True||{\"model\":\"o3\",\"reused\":\"gpt-9-preview\",\"voice\":\"echo\",\"support_url\":\"\",\"tier\":null}", read);
    }

    [Theory]
    [InlineData("anyOf: [ { type: string, format: date-time }, { type: string, enum: [now, later] } ]")]
    [InlineData("anyOf: [ { type: string }, { type: integer } ]")]
    [InlineData("anyOf: [ { type: string }, { type: string, enum: [a, b] }, { type: integer } ]")]
    [InlineData("anyOf: [ { type: string }, { type: integer, enum: [1, 2] } ]")]
    [InlineData("anyOf: [ { type: string, enum: [a, b] }, { type: string, enum: [c, d] } ]")]
    [InlineData("{ type: string, oneOf: [ { type: string } ], anyOf: [ { type: string, enum: [a, b] } ] }")]
    [InlineData("{ properties: { x: { type: string } }, anyOf: [ { type: string }, { type: string, enum: [a, b] } ] }")]
    public void Other_unions_of_a_string_stay_unions(string schema)
    {
        var result = GeneratedCompilation.GenerateText($$"""
            openapi: 3.1.0
            info: { title: Open, version: "1" }
            paths: {}
            components:
              schemas:
                S: {{(schema.StartsWith('{') ? schema : "{ " + schema + " }")}}
            """);

        Assert.Contains("public partial class S : global::CrmSdkGen.Runtime.", GeneratedCompilation.Text(result));
    }

    [Fact]
    public void A_string_alternative_that_leads_back_to_itself_does_not_hang()
    {
        var result = GeneratedCompilation.GenerateText("""
            openapi: 3.1.0
            info: { title: Open, version: "1" }
            paths: {}
            components:
              schemas:
                Loop:
                  anyOf: [ { type: string }, { $ref: '#/components/schemas/Loop' } ]
                Holder:
                  type: object
                  properties:
                    loop: { $ref: '#/components/schemas/Loop' }
            """);

        Assert.Contains("class Holder", GeneratedCompilation.Text(result));
        Assert.Empty(GeneratedCompilation.Compile(result).GetDiagnostics().Where(diagnostic => diagnostic.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
    }

    private static string Probe(CrmSdkGen.Generation.GenerationResult result, string json, string expression) =>
        GeneratedCompilation.Run(result, $$"""
            /// <summary>Reads a request.</summary>
            public static class Probe
            {
                /// <summary>What the request holds.</summary>
                public static string Run()
                {
                    var reader = new System.Text.Json.Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes({{System.Text.Json.JsonSerializer.Serialize(json)}}));
                    reader.Read();
                    var request = Test.Api.Models.Request.ReadJson(ref reader);
                    return {{expression}};
                }

                private static string Written(Test.Api.Models.Request request)
                {
                    var buffer = new System.IO.MemoryStream();
                    using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
                    {
                        request.WriteJson(writer);
                    }

                    return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
                }
            }
            """);
}
