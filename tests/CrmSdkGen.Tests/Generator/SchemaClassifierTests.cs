using System.Text.Json.Nodes;
using CrmSdkGen.Model;
using CrmSdkGen.Model.Mapping;
using Microsoft.OpenApi;

namespace CrmSdkGen.Tests.Generator;

/// <summary>What each form of schema becomes, decided before it is mapped.</summary>
public sealed class SchemaClassifierTests
{
    private static readonly OpenApiSchema Text = new() { Type = JsonSchemaType.String };
    private static readonly OpenApiSchema Number = new() { Type = JsonSchemaType.Integer };
    private static readonly OpenApiSchema Null = new() { Type = JsonSchemaType.Null };
    private static readonly OpenApiSchema Record = new() { Type = JsonSchemaType.Object, Properties = new Dictionary<string, IOpenApiSchema> { ["id"] = Text } };

    public static TheoryData<string, OpenApiSchema, string> Schemas => new()
    {
        { "one allOf part and nothing else", new() { AllOf = [Record] }, nameof(SchemaShape.Alias) },
        { "one allOf part and properties of its own", new() { AllOf = [Record], Properties = Record.Properties }, nameof(SchemaShape.Object) },
        { "two allOf parts", new() { AllOf = [Record, Record] }, nameof(SchemaShape.Object) },
        { "one alternative besides null", new() { OneOf = [Record, Null] }, nameof(SchemaShape.Alias) },
        { "one anyOf alternative besides null", new() { AnyOf = [Null, Text] }, nameof(SchemaShape.Alias) },
        { "two alternatives", new() { OneOf = [Record, Text] }, nameof(SchemaShape.Union) },
        { "a oneOf and an anyOf alternative", new() { OneOf = [Record], AnyOf = [Text] }, nameof(SchemaShape.Union) },
        { "alternatives beside properties", new() { OneOf = [Record, Text], Properties = Record.Properties }, nameof(SchemaShape.Object) },
        { "untyped string enum", new() { Enum = [JsonValue.Create("a"), JsonValue.Create("b")] }, nameof(SchemaShape.Enum) },
        { "string enum", new() { Type = JsonSchemaType.String, Enum = [JsonValue.Create("a")] }, nameof(SchemaShape.Enum) },
        { "string values under another type", new() { Type = JsonSchemaType.Number, Enum = [JsonValue.Create("a")] }, nameof(SchemaShape.Primitive) },
        { "integer enum", new() { Type = JsonSchemaType.Integer, Enum = [JsonValue.Create(1), JsonValue.Create(2)] }, nameof(SchemaShape.IntegerEnum) },
        { "untyped with items", new() { Items = Text }, nameof(SchemaShape.Array) },
        { "untyped with additionalProperties", new() { AdditionalProperties = Text }, nameof(SchemaShape.Map) },
        { "untyped with properties", new() { Properties = Record.Properties }, nameof(SchemaShape.Object) },
        { "untyped constant", new() { Const = "x" }, nameof(SchemaShape.Primitive) },
        { "untyped and empty", new(), nameof(SchemaShape.Any) },
        { "object that allows no other members", new() { Type = JsonSchemaType.Object, AdditionalPropertiesAllowed = false }, nameof(SchemaShape.Object) },
        { "object of any members", new() { Type = JsonSchemaType.Object }, nameof(SchemaShape.Map) },
        { "nullable array", new() { Type = JsonSchemaType.Array | JsonSchemaType.Null, Items = Text }, nameof(SchemaShape.Array) },
        { "two types", new() { Type = JsonSchemaType.Integer | JsonSchemaType.String }, nameof(SchemaShape.MultiType) },
    };

    [Theory]
    [MemberData(nameof(Schemas))]
    public void Each_form_of_schema_has_its_shape(string form, OpenApiSchema schema, string expected)
    {
        Assert.False(string.IsNullOrEmpty(form));
        Assert.Equal(expected, SchemaClassifier.Classify(schema).ToString());
    }

    public static TheoryData<string, OpenApiSchema, bool> ScalarUnions => new()
    {
        { "oneOf of scalars", new() { OneOf = [Number, Text] }, true },
        { "anyOf of scalars", new() { AnyOf = [Number, Text] }, true },
        { "scalars and null", new() { AnyOf = [Number, Text, Null] }, true },
        { "scalar and enum", new() { OneOf = [Number, new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create("a")] }] }, true },
        { "a record among them", new() { AnyOf = [Number, Record] }, false },
        { "an array among them", new() { OneOf = [Text, new OpenApiSchema { Type = JsonSchemaType.Array, Items = Text }] }, false },
        { "two scalar types", new() { Type = JsonSchemaType.Integer | JsonSchemaType.String }, true },
        { "a scalar and an object type", new() { Type = JsonSchemaType.Integer | JsonSchemaType.Object }, false },
        { "one scalar", Number, false },
    };

    [Theory]
    [MemberData(nameof(ScalarUnions))]
    public void Only_unions_of_scalars_are_scalar_unions(string form, OpenApiSchema schema, bool expected)
    {
        Assert.False(string.IsNullOrEmpty(form));
        Assert.Equal(expected, SchemaClassifier.IsScalarUnion(schema));
    }
}
