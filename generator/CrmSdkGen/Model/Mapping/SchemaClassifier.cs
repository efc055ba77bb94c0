using System.Linq;
using Microsoft.OpenApi;

namespace CrmSdkGen.Model.Mapping;

/// <summary>Decides the shape of a resolved schema.</summary>
internal static class SchemaClassifier
{
    public static SchemaShape Classify(IOpenApiSchema schema)
    {
        var properties = SchemaFacts.HasProperties(schema);
        if (schema.AllOf is { Count: > 0 } allOf)
        {
            return allOf.Count == 1 && !properties ? SchemaShape.Alias : SchemaShape.Object;
        }

        if (ConstEnum.Read(schema) is { } constants)
        {
            return constants.Integers ? SchemaShape.IntegerEnum : SchemaShape.Enum;
        }

        if (OpenEnum.Chosen(schema) is not null)
        {
            return SchemaShape.Alias;
        }

        var alternatives = SchemaFacts.Alternatives(schema).ToList();
        if (alternatives.Count > 0 && !properties)
        {
            return alternatives.Count(alternative => !SchemaFacts.IsOnlyNull(alternative)) == 1 ? SchemaShape.Alias : SchemaShape.Union;
        }

        if (SchemaFacts.IntegerEnumValues(schema) is not null)
        {
            return SchemaShape.IntegerEnum;
        }

        if (SchemaFacts.StringEnumValues(schema) is not null)
        {
            var type = SchemaFacts.NonNullType(schema);
            return type is null or JsonSchemaType.String ? SchemaShape.Enum : SchemaShape.Primitive;
        }

        switch (SchemaFacts.NonNullType(schema))
        {
            case JsonSchemaType.Array:
                return SchemaShape.Array;
            case JsonSchemaType.Object:
                return properties || !schema.AdditionalPropertiesAllowed ? SchemaShape.Object : SchemaShape.Map;
            case JsonSchemaType.String or JsonSchemaType.Integer or JsonSchemaType.Number or JsonSchemaType.Boolean:
                return SchemaShape.Primitive;
            case null when schema.Const is not null:
                return SchemaShape.Primitive;
            case null:
                return properties ? SchemaShape.Object
                    : schema.Items is not null ? SchemaShape.Array
                    : schema.AdditionalProperties is not null ? SchemaShape.Map
                    : SchemaShape.Any;
            default:
                return SchemaShape.MultiType;
        }
    }

    /// <summary>
    /// Whether every alternative of a union or multi-type schema is a string, number, boolean or enum, such as GitHub's
    /// <c>workflow_id</c> (<c>oneOf: [integer, string]</c>): each is written as the same text in a URL or header.
    /// </summary>
    public static bool IsScalarUnion(IOpenApiSchema schema)
    {
        switch (Classify(schema))
        {
            case SchemaShape.MultiType:
                return (SchemaFacts.NonNullType(schema)!.Value & ~ScalarTypes) == 0;
            case SchemaShape.Union:
                return SchemaFacts.Alternatives(schema).All(alternative => SchemaFacts.IsOnlyNull(alternative) || Classify(alternative) is SchemaShape.Primitive or SchemaShape.Enum or SchemaShape.IntegerEnum);
            default:
                return false;
        }
    }

    private const JsonSchemaType ScalarTypes = JsonSchemaType.String | JsonSchemaType.Integer | JsonSchemaType.Number | JsonSchemaType.Boolean;

    public static bool IsNamed(SchemaShape shape) => shape is SchemaShape.Object or SchemaShape.Enum or SchemaShape.IntegerEnum or SchemaShape.Union or SchemaShape.MultiType;
}
