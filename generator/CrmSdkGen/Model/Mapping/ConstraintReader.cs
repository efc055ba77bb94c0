using System.Globalization;
using Microsoft.OpenApi;

namespace CrmSdkGen.Model.Mapping;

/// <summary>Reads the validation keywords of a schema, Swagger 2.0 and OpenAPI 3.0 (boolean exclusive bounds) and 3.1 (numeric ones).</summary>
internal static class ConstraintReader
{
    public static ApiConstraints? Read(IOpenApiSchema schema)
    {
        var (minimum, exclusiveMinimum) = Bound(Text(schema.Minimum), Text(schema.ExclusiveMinimum));
        var (maximum, exclusiveMaximum) = Bound(Text(schema.Maximum), Text(schema.ExclusiveMaximum));
        var constraints = new ApiConstraints
        {
            MinLength = Count(schema.MinLength),
            MaxLength = Count(schema.MaxLength),
            Pattern = string.IsNullOrEmpty(schema.Pattern) ? null : schema.Pattern,
            Minimum = minimum,
            ExclusiveMinimum = exclusiveMinimum,
            Maximum = maximum,
            ExclusiveMaximum = exclusiveMaximum,
            MultipleOf = Number(Text(schema.MultipleOf)) is { } step && step != "0" ? step : null,
            MinItems = Count(schema.MinItems),
            MaxItems = Count(schema.MaxItems),
            UniqueItems = schema.UniqueItems == true,
            MinProperties = Count(schema.MinProperties),
            MaxProperties = Count(schema.MaxProperties),
        };
        return constraints == Empty ? null : constraints;
    }

    private static readonly ApiConstraints Empty = new();

    // A 0 lower bound on a count constrains nothing.
    private static int? Count(int? value) => value is > 0 ? value : value is 0 ? null : value;

    private static (string? Value, bool Exclusive) Bound(string? inclusive, string? exclusive)
    {
        if (Number(exclusive) is { } exclusiveValue)
        {
            return (exclusiveValue, true);
        }

        return (Number(inclusive), string.Equals(exclusive, "true", System.StringComparison.OrdinalIgnoreCase));
    }

    private static string? Number(string? text) =>
        text is not null && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value.ToString(CultureInfo.InvariantCulture) : null;

    private static string? Text(object? value) => value switch
    {
        null => null,
        string text => text,
        bool flag => flag ? "true" : "false",
        System.IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
