using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace CrmSdkGen.Read;

/// <summary>Follows a JSON pointer's segments through a tree, as RFC 6901 does: names into objects, indexes into arrays.</summary>
internal static class TreeWalk
{
    /// <summary>The node the segments lead to, or null; <paramref name="parent"/> is the node that holds it.</summary>
    public static JsonNode? Find(JsonNode? node, IReadOnlyList<string> segments, out JsonNode? parent)
    {
        parent = null;
        foreach (var segment in segments)
        {
            parent = node;
            node = node switch
            {
                JsonObject map => map[segment],
                JsonArray list when int.TryParse(segment, out var index) && index >= 0 && index < list.Count => list[index],
                _ => null,
            };
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }
}
