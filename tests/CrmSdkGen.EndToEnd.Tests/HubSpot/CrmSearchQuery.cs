using System.Globalization;
using System.Text.Json.Nodes;

namespace CrmSdkGen.EndToEnd.Tests.HubSpot;

/// <summary>
/// HubSpot's search semantics over a <see cref="CrmObjectStore"/>: filter groups ORed, filters ANDed, dates compared
/// in milliseconds (values in Unix milliseconds or ISO 8601), sorts as {propertyName, direction} objects (others are
/// ignored), and, without a sort, an order that is stable but not the order of change, so a client cannot rely on it.
/// </summary>
public static class CrmSearchQuery
{
    public static List<(long Id, JsonObject Json)> Run(CrmObjectStore store, JsonNode body)
    {
        var groups = body["filterGroups"] as JsonArray ?? new JsonArray();
        var matches = store.List(archived: false)
            .Where(entry => groups.Count == 0 || groups.Any(group => (group?["filters"] as JsonArray ?? new JsonArray()).All(filter => Matches(entry.Properties, filter!))))
            .ToList();
        var sort = (body["sorts"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault();
        if (sort?["propertyName"]?.GetValue<string>() is { } sortProperty)
        {
            var descending = sort["direction"]?.GetValue<string>() == "DESCENDING";
            Comparison<(long Id, JsonObject Json, long Modified, IReadOnlyDictionary<string, string?> Properties)> compare =
                (left, right) => Compare(Value(left.Properties, sortProperty), Value(right.Properties, sortProperty));
            matches.Sort((left, right) => descending ? compare(right, left) : compare(left, right));
        }
        else
        {
            matches = matches.OrderBy(entry => (entry.Id * 7919) % 1009).ThenBy(entry => entry.Id).ToList();
        }

        return matches.Select(entry => (entry.Id, entry.Json)).ToList();
    }

    private static bool Matches(IReadOnlyDictionary<string, string?> properties, JsonNode filter)
    {
        var name = filter["propertyName"]?.GetValue<string>() ?? string.Empty;
        var comparison = filter["operator"]?.GetValue<string>();
        var actual = Value(properties, name);
        var expected = filter["value"]?.GetValue<string>();
        return comparison switch
        {
            "HAS_PROPERTY" => actual is not null,
            "NOT_HAS_PROPERTY" => actual is null,
            "EQ" => Compare(actual, expected) == 0,
            "NEQ" => Compare(actual, expected) != 0,
            "GT" => actual is not null && Compare(actual, expected) > 0,
            "GTE" => actual is not null && Compare(actual, expected) >= 0,
            "LT" => actual is not null && Compare(actual, expected) < 0,
            "LTE" => actual is not null && Compare(actual, expected) <= 0,
            _ => throw new InvalidOperationException($"The operator '{comparison}' is not supported."),
        };
    }

    private static string? Value(IReadOnlyDictionary<string, string?> properties, string name) =>
        properties.TryGetValue(name, out var value) ? value : null;

    // Numbers and instants (milliseconds or ISO 8601) by value, other text by ordinal.
    private static int Compare(string? left, string? right)
    {
        if (Number(left) is { } a && Number(right) is { } b)
        {
            return a.CompareTo(b);
        }

        return string.CompareOrdinal(left, right);
    }

    private static decimal? Number(string? text) =>
        decimal.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant) ? instant.ToUnixTimeMilliseconds()
        : null;
}
