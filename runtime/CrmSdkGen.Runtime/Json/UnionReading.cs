using System;
using System.Buffers;
using System.ComponentModel;
using System.Globalization;
using System.Text.Json;

namespace CrmSdkGen.Runtime.Json;

/// <summary>
/// Helpers that generated unions (oneOf/anyOf) call to pick the alternative a JSON value matches: by discriminator
/// when the spec names one, else by the best fit of shape, required and declared properties.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class UnionReading
{
    /// <summary>The string value of the discriminator property of an object, if it has one.</summary>
    public static string? DiscriminatorOf(JsonElement element, string propertyName) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(propertyName, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    /// <summary>How well <paramref name="element"/> fits an alternative; negative when it cannot be that alternative.</summary>
    /// <param name="element">The value read.</param>
    /// <param name="kind">The shape the alternative accepts.</param>
    /// <param name="known">For objects, the declared property names.</param>
    /// <param name="required">For objects, the required property names.</param>
    public static int Score(JsonElement element, UnionValueKind kind, string[]? known = null, string[]? required = null)
    {
        switch (kind)
        {
            case UnionValueKind.Object:
                return ScoreObject(element, known ?? Array.Empty<string>(), required ?? Array.Empty<string>());
            case UnionValueKind.Map:
                return element.ValueKind == JsonValueKind.Object ? 5 : -1;
            case UnionValueKind.Array:
                return element.ValueKind == JsonValueKind.Array ? 10 : -1;
            case UnionValueKind.String:
                return element.ValueKind == JsonValueKind.String ? 10 : -1;
            case UnionValueKind.DateTime:
                return element.ValueKind == JsonValueKind.String && DateTimeOffset.TryParse(element.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _) ? 12 : -1;
            case UnionValueKind.Date:
                return element.ValueKind == JsonValueKind.String && DateOnly.TryParseExact(element.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? 12 : -1;
            case UnionValueKind.Uuid:
                return element.ValueKind == JsonValueKind.String && Guid.TryParse(element.GetString(), out _) ? 12 : -1;
            case UnionValueKind.Integer:
                return element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out _) ? 11 : -1;
            case UnionValueKind.Number:
                return element.ValueKind == JsonValueKind.Number ? 10 : -1;
            case UnionValueKind.Boolean:
                return element.ValueKind is JsonValueKind.True or JsonValueKind.False ? 10 : -1;
            default:
                return 1;
        }
    }

    /// <summary>Reads an alternative from the element already parsed.</summary>
    public static T Parse<T>(JsonElement element, JsonCodec<T> codec)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            element.WriteTo(writer);
        }

        return JsonModel.Parse(buffer.WrittenSpan, codec);
    }

    private static int ScoreObject(JsonElement element, string[] known, string[] required)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return -1;
        }

        foreach (var name in required)
        {
            if (!element.TryGetProperty(name, out _))
            {
                return -1;
            }
        }

        var score = 10;
        foreach (var property in element.EnumerateObject())
        {
            score += Array.IndexOf(known, property.Name) >= 0 ? 2 : -1;
        }

        return score;
    }
}
