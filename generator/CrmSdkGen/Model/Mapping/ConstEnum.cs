using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.OpenApi;

namespace CrmSdkGen.Model.Mapping;

/// <summary>
/// An enum written as a union of constants, as Discord writes all of its enums:
/// <c>type: integer, oneOf: [{ title: NORMAL, const: 0 }, { title: BURST, const: 1 }]</c>.
/// </summary>
/// <param name="Integers">Whether the constants are integers (by the schemas' types, or all integer literals when no type is given).</param>
/// <param name="Values">The constants, in order.</param>
/// <param name="Names">The alternatives' titles, in order, empty where one has none.</param>
/// <param name="Nullable">Whether one alternative is null.</param>
internal sealed record ConstEnum(bool Integers, List<string> Values, List<string> Names, bool Nullable)
{
    /// <summary>The enum <paramref name="schema"/> spells as constants; null when any alternative is more than a constant.</summary>
    public static ConstEnum? Read(IOpenApiSchema schema)
    {
        if ((schema.OneOf?.Count ?? 0) + (schema.AnyOf?.Count ?? 0) < 2 || schema.AllOf is { Count: > 0 } || SchemaFacts.HasProperties(schema) || schema.Enum is { Count: > 0 })
        {
            return null;
        }

        var values = new List<string>();
        var names = new List<string>();
        var nullable = false;
        var typed = SchemaFacts.NonNullType(schema) is { } parentType ? new List<JsonSchemaType> { parentType } : new List<JsonSchemaType>();
        foreach (var alternative in SchemaFacts.Alternatives(schema))
        {
            if (SchemaFacts.IsOnlyNull(alternative))
            {
                nullable = true;
                continue;
            }

            if (alternative.Const is null || SchemaFacts.HasProperties(alternative) || alternative.OneOf is { Count: > 0 } || alternative.AnyOf is { Count: > 0 } || alternative.AllOf is { Count: > 0 })
            {
                return null;
            }

            values.Add(alternative.Const);
            names.Add(MemberName(alternative.Title));
            if (SchemaFacts.NonNullType(alternative) is { } type)
            {
                typed.Add(type);
            }
        }

        if (values.Count < 2)
        {
            return null;
        }

        var literalIntegers = values.All(value => long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _));
        var integers = literalIntegers && (typed.Count == 0 || typed.All(type => type == JsonSchemaType.Integer));
        if (!integers && typed.Any(type => type != JsonSchemaType.String))
        {
            return null;
        }

        return new ConstEnum(integers, values, names, nullable);
    }

    // Titles are often SCREAMING_SNAKE (GUILD_TEXT); lower-cased, the member becomes GuildText.
    private static string MemberName(string? title)
    {
        var trimmed = title?.Trim() ?? string.Empty;
        return trimmed.Any(char.IsLower) ? trimmed : trimmed.ToLowerInvariant();
    }
}
