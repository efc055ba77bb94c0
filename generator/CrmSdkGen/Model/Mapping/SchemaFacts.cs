using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace CrmSdkGen.Model.Mapping;

/// <summary>Questions about one OpenAPI schema that the mapper asks repeatedly.</summary>
internal static class SchemaFacts
{
    public static bool AllowsNull(IOpenApiSchema schema) =>
        schema.Type is { } type && (type & JsonSchemaType.Null) != 0;

    public static JsonSchemaType? NonNullType(IOpenApiSchema schema) =>
        schema.Type is { } type && (type & ~JsonSchemaType.Null) is var rest && rest != 0 ? rest : null;

    public static bool IsOnlyNull(IOpenApiSchema schema) =>
        schema.Type == JsonSchemaType.Null
        || (schema.Enum is { Count: > 0 } values && values.All(value => value is null));

    public static bool HasProperties(IOpenApiSchema schema) => schema.Properties is { Count: > 0 };

    public static bool IsSingleType(JsonSchemaType type) =>
        type is JsonSchemaType.String or JsonSchemaType.Integer or JsonSchemaType.Number or JsonSchemaType.Boolean
            or JsonSchemaType.Array or JsonSchemaType.Object;

    public static List<string>? StringEnumValues(IOpenApiSchema schema)
    {
        if (schema.Enum is not { Count: > 0 } values)
        {
            return ConstEnum.Read(schema) is { Integers: false } constants ? constants.Values : null;
        }

        var strings = new List<string>();
        foreach (var value in values)
        {
            if (value is null)
            {
                continue;
            }

            if (value is JsonValue scalar && scalar.GetValueKind() == JsonValueKind.String)
            {
                strings.Add(scalar.GetValue<string>());
            }
            else
            {
                return null;
            }
        }

        return strings.Count > 0 ? strings : null;
    }

    public static List<long>? IntegerEnumValues(IOpenApiSchema schema)
    {
        if (schema.Enum is not { Count: > 0 } values)
        {
            return ConstEnum.Read(schema) is { Integers: true } constants
                ? constants.Values.Select(value => long.Parse(value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture)).ToList()
                : null;
        }

        if (NonNullType(schema) != JsonSchemaType.Integer)
        {
            return null;
        }

        var integers = new List<long>();
        foreach (var value in values)
        {
            if (value is null)
            {
                continue;
            }

            if (value is JsonValue scalar && scalar.GetValueKind() == JsonValueKind.Number && long.TryParse(scalar.ToJsonString(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var number))
            {
                integers.Add(number);
            }
            else
            {
                return null;
            }
        }

        return integers.Count > 0 ? integers : null;
    }

    /// <summary>The names an x-enum-varnames or x-enumNames extension gives to enum values, or the titles of constants, in order.</summary>
    public static List<string>? EnumNameExtension(IOpenApiSchema schema)
    {
        if (ConstEnum.Read(schema) is { } constants)
        {
            return constants.Names;
        }

        foreach (var key in new[] { "x-enum-varnames", "x-enumNames" })
        {
            if (schema.Extensions?.TryGetValue(key, out var extension) == true && extension is JsonNodeExtension { Node: JsonArray names })
            {
                return names.Select(name => name?.ToString() ?? string.Empty).ToList();
            }
        }

        return null;
    }

    /// <summary>Whether <c>x-crmsdkgen-encoding: string</c> says the number or boolean travels as JSON text.</summary>
    public static bool IsTextEncoded(IOpenApiSchema schema) => ExtensionText(schema, TextEncodingExtension) == "string";

    public const string TextEncodingExtension = "x-crmsdkgen-encoding";

    public const string SeparatorExtension = "x-crmsdkgen-separator";

    /// <summary>The text between the items of an array sent as one JSON string; null when it travels as a JSON array.</summary>
    public static string? ListSeparator(IOpenApiSchema schema) =>
        !IsTextEncoded(schema) ? null
        : ExtensionText(schema, SeparatorExtension) is { Length: > 0 and <= 16 } separator ? separator
        : ",";

    /// <summary>The member name <c>x-crmsdkgen-name</c> gives a property (Pipedrive's custom fields are keyed by hashes).</summary>
    public static string? MemberName(IOpenApiSchema propertySchema) =>
        ExtensionText(propertySchema, SchemaNames.Extension) is { } name && !string.IsNullOrWhiteSpace(name) && name.Length <= CrmSdkGen.Read.SpecLimits.MaxNameLength
            ? name.Trim()
            : null;

    /// <summary>The string an extension of the schema holds; null when it is absent or not a string.</summary>
    public static string? ExtensionText(IOpenApiSchema schema, string name) =>
        schema.Extensions?.TryGetValue(name, out var extension) == true
        && extension is JsonNodeExtension { Node: JsonValue value } && value.TryGetValue<string>(out var text)
            ? text
            : null;

    /// <summary>The schema's <c>oneOf</c> alternatives followed by its <c>anyOf</c> ones, resolved.</summary>
    public static IEnumerable<IOpenApiSchema> Alternatives(IOpenApiSchema schema) =>
        (schema.OneOf ?? Enumerable.Empty<IOpenApiSchema>()).Concat(schema.AnyOf ?? Enumerable.Empty<IOpenApiSchema>()).Select(Resolve);

    public static IOpenApiSchema Resolve(IOpenApiSchema schema) =>
        schema is OpenApiSchemaReference { Target: { } target } ? target : schema;

    public static string? Describe(IOpenApiSchema schema) =>
        string.IsNullOrWhiteSpace(schema.Description) ? (string.IsNullOrWhiteSpace(schema.Title) ? null : schema.Title) : schema.Description;
}
