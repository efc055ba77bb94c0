using System.Text.Json;
using System.Text.Json.Nodes;

namespace CrmSdkGen.Tests.Runtime;

/// <summary>Random CRM-like records and a changed copy: scalars, nested objects, keyed and unkeyed arrays.</summary>
internal static class RecordPairs
{
    public static (JsonElement A, JsonElement B) Next(Random random, bool withNulls)
    {
        var a = Record(random, depth: 0, withNulls);
        var b = a.DeepClone();
        Mutate(random, b, withNulls, depth: 0);
        return (Parse(a), Parse(b));
    }

    private static JsonObject Record(Random random, int depth, bool withNulls)
    {
        var record = new JsonObject { ["id"] = "r" + random.Next(1000) };
        var members = random.Next(2, 7);
        for (var i = 0; i < members; i++)
        {
            record["f" + random.Next(12)] = Value(random, depth, withNulls);
        }

        return record;
    }

    private static JsonNode? Value(Random random, int depth, bool withNulls) => random.Next(depth < 2 ? 9 : 6) switch
    {
        0 => random.Next(-100, 100),
        1 => Math.Round(random.NextDouble() * 1000, 2),
        2 => "s" + random.Next(50),
        3 => random.Next(2) == 0,
        4 => withNulls ? null : "n",
        5 => new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(random.Next(100000)).ToString("O"),
        6 => Record(random, depth + 1, withNulls),
        7 => new JsonArray(Enumerable.Range(0, random.Next(4)).Select(_ => (JsonNode?)random.Next(10)).ToArray()),
        _ => new JsonArray(Enumerable.Range(0, random.Next(5)).Select(i => (JsonNode?)new JsonObject { ["id"] = "k" + i + random.Next(3), ["v"] = random.Next(5) }).DistinctBy(item => item!["id"]!.GetValue<string>()).ToArray()),
    };

    private static void Mutate(Random random, JsonNode? node, bool withNulls, int depth)
    {
        switch (node)
        {
            case JsonObject record:
                var names = record.Select(pair => pair.Key).ToList();
                foreach (var name in names)
                {
                    if (record[name] is JsonArray && random.Next(2) == 0)
                    {
                        Mutate(random, record[name], withNulls, depth + 1);
                        continue;
                    }

                    switch (random.Next(6))
                    {
                        case 0: record.Remove(name); break;
                        case 1: record[name] = Value(random, depth + 1, withNulls); break;
                        case 2: Mutate(random, record[name], withNulls, depth + 1); break;
                    }
                }

                if (random.Next(3) == 0)
                {
                    record["added" + random.Next(5)] = Value(random, depth + 1, withNulls);
                }

                break;
            case JsonArray items when items.Count > 0:
                if (items[0] is JsonObject)
                {
                    switch (random.Next(4))
                    {
                        case 0: items.RemoveAt(random.Next(items.Count)); break;
                        case 1: items.Insert(random.Next(items.Count + 1), new JsonObject { ["id"] = "new" + random.Next(1000), ["v"] = 1 }); break;
                        case 2:
                            var moved = items[random.Next(items.Count)]!;
                            items.Remove(moved);
                            items.Insert(random.Next(items.Count + 1), moved);
                            break;
                        default: Mutate(random, items[random.Next(items.Count)], withNulls, depth + 1); break;
                    }
                }
                else
                {
                    items[random.Next(items.Count)] = random.Next(10);
                }

                break;
        }
    }

    private static JsonElement Parse(JsonNode node) => JsonDocument.Parse(node.ToJsonString()).RootElement;
}
