using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.OpenApi;

namespace CrmSdkGen.Testing.Fakes;

/// <summary>
/// Checks JSON against an OpenAPI schema (3.0 and 3.1 keywords as Microsoft.OpenApi reads them): types, enums, formats
/// Prism checks too, bounds, required and additional properties, items, allOf, anyOf and exactly one of oneOf. A
/// read-only property is not required of a request.
/// </summary>
internal static class SchemaValidator
{
    public static void Validate(JsonNode? value, IOpenApiSchema schema, string at, List<string> violations)
    {
        if (value is null)
        {
            if (!AllowsNull(schema))
            {
                violations.Add($"{at}: null is not allowed");
            }

            return;
        }

        foreach (var part in schema.AllOf ?? Enumerable.Empty<IOpenApiSchema>())
        {
            Validate(value, part, at, violations);
        }

        if (schema.AnyOf is { Count: > 0 } anyOf && !anyOf.Any(alternative => Passes(value, alternative, at)))
        {
            violations.Add($"{at}: matches none of the anyOf schemas");
        }

        if (schema.OneOf is { Count: > 0 } oneOf && oneOf.Count(alternative => Passes(value, alternative, at)) is var matched && matched != 1)
        {
            violations.Add(matched == 0 ? $"{at}: matches none of the oneOf schemas" : $"{at}: matches {matched} of the oneOf schemas, not exactly one");
        }

        if (schema.Enum is { Count: > 0 } values && !values.Any(allowed => JsonNode.DeepEquals(allowed, value)))
        {
            violations.Add($"{at}: {Show(value)} is not one of the allowed values");
            return;
        }

        switch (value.GetValueKind())
        {
            case JsonValueKind.Object:
                if (Expect(schema, JsonSchemaType.Object, value, at, violations))
                {
                    ValidateObject(value.AsObject(), schema, at, violations);
                }

                break;
            case JsonValueKind.Array:
                if (Expect(schema, JsonSchemaType.Array, value, at, violations))
                {
                    ValidateArray(value.AsArray(), schema, at, violations);
                }

                break;
            case JsonValueKind.String when IsTextEncoded(schema):
                ValidateText(value.GetValue<string>(), schema, at, violations);
                break;
            case JsonValueKind.String:
                if (Expect(schema, JsonSchemaType.String, value, at, violations))
                {
                    ValidateString(value.GetValue<string>(), schema, at, violations);
                }

                break;
            case JsonValueKind.Number:
                var isInteger = decimal.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && decimal.Truncate(number) == number;
                if (Expect(schema, isInteger ? JsonSchemaType.Integer | JsonSchemaType.Number : JsonSchemaType.Number, value, at, violations))
                {
                    ValidateNumber(value.ToJsonString(), schema, at, violations);
                }

                break;
            case JsonValueKind.True:
            case JsonValueKind.False:
                Expect(schema, JsonSchemaType.Boolean, value, at, violations);
                break;
        }
    }

    public static bool Passes(JsonNode? value, IOpenApiSchema schema, string at)
    {
        var found = new List<string>();
        Validate(value, schema, at, found);
        return found.Count == 0;
    }

    private static bool AllowsNull(IOpenApiSchema schema) =>
        schema.Type is null && schema.AllOf is not { Count: > 0 } && schema.OneOf is not { Count: > 0 } && schema.AnyOf is not { Count: > 0 }
        || schema.Type is { } type && type.HasFlag(JsonSchemaType.Null)
        || schema.OneOf?.Any(AllowsNull) == true || schema.AnyOf?.Any(AllowsNull) == true
        || schema.Enum?.Any(value => value is null) == true;

    // A schema without a type takes any kind of value; an integer is a number too.
    // x-crmsdkgen-encoding: string: a number or boolean sent as its text ("42", "true"), "" for none, as HubSpot does.
    private static bool IsTextEncoded(IOpenApiSchema schema) =>
        schema.Type is { } type && (type & (JsonSchemaType.Integer | JsonSchemaType.Number | JsonSchemaType.Boolean)) != 0
        && schema.Extensions?.TryGetValue("x-crmsdkgen-encoding", out var extension) == true
        && extension is JsonNodeExtension { Node: JsonValue encoding } && encoding.TryGetValue<string>(out var text) && text == "string";

    private static void ValidateText(string text, IOpenApiSchema schema, string at, List<string> violations)
    {
        if (text.Length == 0)
        {
            return;
        }

        if (schema.Type!.Value.HasFlag(JsonSchemaType.Boolean))
        {
            if (!bool.TryParse(text, out _))
            {
                violations.Add($"{at}: \"{text}\" is not the text of a boolean");
            }

            return;
        }

        var integer = !schema.Type.Value.HasFlag(JsonSchemaType.Number);
        if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || (integer && decimal.Truncate(number) != number))
        {
            violations.Add($"{at}: \"{text}\" is not the text of {(integer ? "an integer" : "a number")}");
            return;
        }

        ValidateNumber(text, schema, at, violations);
    }

    private static bool Expect(IOpenApiSchema schema, JsonSchemaType kinds, JsonNode value, string at, List<string> violations)
    {
        if (schema.Type is not { } type || (type & kinds) != 0)
        {
            return true;
        }

        violations.Add($"{at}: {Show(value)} is not of type {type.ToString().ToLowerInvariant()}");
        return false;
    }

    private static void ValidateObject(JsonObject value, IOpenApiSchema schema, string at, List<string> violations)
    {
        var properties = schema.Properties ?? new Dictionary<string, IOpenApiSchema>();
        foreach (var name in schema.Required ?? new HashSet<string>())
        {
            if (!value.ContainsKey(name) && !(properties.TryGetValue(name, out var declared) && declared.ReadOnly))
            {
                violations.Add($"{at}: the required property '{name}' is missing");
            }
        }

        foreach (var (name, member) in value)
        {
            if (properties.TryGetValue(name, out var property))
            {
                Validate(member, property, at + "/" + name, violations);
            }
            else if (schema.AdditionalProperties is { } additional)
            {
                Validate(member, additional, at + "/" + name, violations);
            }
            else if (!schema.AdditionalPropertiesAllowed)
            {
                violations.Add($"{at}: the property '{name}' is not allowed");
            }
        }

        Count(value.Count, schema.MinProperties, schema.MaxProperties, "properties", at, violations);
    }

    private static void ValidateArray(JsonArray value, IOpenApiSchema schema, string at, List<string> violations)
    {
        if (schema.Items is { } items)
        {
            for (var index = 0; index < value.Count; index++)
            {
                Validate(value[index], items, $"{at}/{index}", violations);
            }
        }

        Count(value.Count, schema.MinItems, schema.MaxItems, "items", at, violations);
        if (schema.UniqueItems == true && value.Select(item => item?.ToJsonString()).Distinct().Count() != value.Count)
        {
            violations.Add($"{at}: the items are not unique");
        }
    }

    private static void ValidateString(string value, IOpenApiSchema schema, string at, List<string> violations)
    {
        Count(value.Length, schema.MinLength, schema.MaxLength, "characters", at, violations);
        if (!string.IsNullOrEmpty(schema.Pattern) && !Regex.IsMatch(value, schema.Pattern!, RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            violations.Add($"{at}: '{value}' does not match the pattern {schema.Pattern}");
        }

        if (!StringFormats.Matches(schema.Format, value))
        {
            violations.Add($"{at}: '{value}' is not a valid {schema.Format}");
        }
    }

    private static void ValidateNumber(string text, IOpenApiSchema schema, string at, List<string> violations)
    {
        if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return;
        }

        if (Bound(schema.Minimum) is { } minimum && number < minimum || Bound(schema.ExclusiveMinimum) is { } above && number <= above)
        {
            violations.Add($"{at}: {text} is below the minimum");
        }

        if (Bound(schema.Maximum) is { } maximum && number > maximum || Bound(schema.ExclusiveMaximum) is { } below && number >= below)
        {
            violations.Add($"{at}: {text} is above the maximum");
        }

        if (schema.Format is "int32" && (number < int.MinValue || number > int.MaxValue) || schema.Format is "int64" && (number < long.MinValue || number > long.MaxValue))
        {
            violations.Add($"{at}: {text} does not fit {schema.Format}");
        }
    }

    private static decimal? Bound(string? text) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static void Count(int count, int? minimum, int? maximum, string what, string at, List<string> violations)
    {
        if (count < minimum)
        {
            violations.Add($"{at}: {count} {what}, fewer than {minimum}");
        }

        if (count > maximum)
        {
            violations.Add($"{at}: {count} {what}, more than {maximum}");
        }
    }

    private static string Show(JsonNode value)
    {
        var text = value.ToJsonString();
        return text.Length <= 60 ? text : text.Substring(0, 57) + "...";
    }
}
