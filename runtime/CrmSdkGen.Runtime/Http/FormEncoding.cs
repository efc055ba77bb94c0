using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace CrmSdkGen.Runtime.Http;

/// <summary>
/// Flattens a JSON object into application/x-www-form-urlencoded pairs the way Stripe and other form APIs expect:
/// nested objects as <c>a[b]=c</c>, arrays of objects and deepObject arrays as <c>a[0][b]=c</c>, other arrays as
/// repeated keys, and null as an empty value (which such APIs read as "clear").
/// </summary>
public static class FormEncoding
{
    /// <summary>The pairs for <paramref name="body"/>, a JSON object.</summary>
    /// <param name="body">The body as JSON.</param>
    /// <param name="deepObjectProperties">Top-level properties the spec encodes with style deepObject.</param>
    public static List<KeyValuePair<string, string>> Flatten(JsonElement body, IReadOnlyCollection<string>? deepObjectProperties = null)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException("A form body must be a JSON object.", nameof(body));
        }

        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var property in body.EnumerateObject())
        {
            var deep = deepObjectProperties is not null && Contains(deepObjectProperties, property.Name);
            Add(pairs, property.Name, property.Value, deep);
        }

        return pairs;
    }

    /// <summary>The pairs for one value under <paramref name="key"/>: <c>key=v</c>, <c>key[a]=v</c>, <c>key[0][a]=v</c>.</summary>
    public static List<KeyValuePair<string, string>> FlattenValue(string key, JsonElement value)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        Add(pairs, key, value, true);
        return pairs;
    }

    private static void Add(List<KeyValuePair<string, string>> pairs, string key, JsonElement value, bool indexArrays)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                {
                    Add(pairs, key + "[" + property.Name + "]", property.Value, true);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                var indexed = indexArrays || HasStructuredItem(value);
                foreach (var item in value.EnumerateArray())
                {
                    Add(pairs, indexed ? key + "[" + index.ToString(CultureInfo.InvariantCulture) + "]" : key, item, true);
                    index++;
                }

                break;
            case JsonValueKind.String:
                pairs.Add(new(key, value.GetString()!));
                break;
            case JsonValueKind.True:
                pairs.Add(new(key, "true"));
                break;
            case JsonValueKind.False:
                pairs.Add(new(key, "false"));
                break;
            case JsonValueKind.Null:
                pairs.Add(new(key, string.Empty));
                break;
            default:
                pairs.Add(new(key, value.GetRawText()));
                break;
        }
    }

    private static bool HasStructuredItem(JsonElement array)
    {
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
            {
                return true;
            }
        }

        return false;
    }

    private static bool Contains(IReadOnlyCollection<string> names, string name)
    {
        foreach (var candidate in names)
        {
            if (string.Equals(candidate, name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
