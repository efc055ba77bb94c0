using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CrmSdkGen.Runtime.Diff;

/// <summary>
/// Differences between two JSON records as an RFC 6902 JSON Patch or an RFC 7396 merge patch, compared semantically
/// (<see cref="JsonEquality"/>); arrays of objects with an item key are matched by it, other arrays by position.
/// Equal records give an empty patch without allocating.
/// </summary>
public static class JsonDiff
{
    private static readonly JsonDiffOptions DefaultOptions = new();

    /// <summary>The JSON Patch that turns <paramref name="from"/> into <paramref name="to"/>.</summary>
    public static IReadOnlyList<JsonPatchOperation> Patch(JsonElement from, JsonElement to, JsonDiffOptions? options = null)
    {
        List<JsonPatchOperation>? operations = null;
        Compare(from, to, string.Empty, ref operations, options ?? DefaultOptions);
        return (IReadOnlyList<JsonPatchOperation>?)operations ?? Array.Empty<JsonPatchOperation>();
    }

    /// <summary>
    /// The merge patch that turns <paramref name="from"/> into <paramref name="to"/>, or null when they are equal. RFC 7396
    /// cannot set a member to null (null removes it) and replaces arrays whole.
    /// </summary>
    public static JsonNode? MergePatch(JsonElement from, JsonElement to)
    {
        if (JsonEquality.AreSemanticallyEqual(from, to))
        {
            return null;
        }

        return Merge(from, to);
    }

    /// <summary>Writes a JSON Patch as the JSON array RFC 6902 defines.</summary>
    public static string ToJson(IReadOnlyList<JsonPatchOperation> operations)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var operation in operations)
            {
                operation.WriteTo(writer);
            }

            writer.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static JsonNode? Merge(JsonElement from, JsonElement to)
    {
        if (from.ValueKind != JsonValueKind.Object || to.ValueKind != JsonValueKind.Object)
        {
            return JsonPatchApplier.ToNode(to);
        }

        var patch = new JsonObject();
        foreach (var member in from.EnumerateObject())
        {
            if (!to.TryGetProperty(member.Name, out _))
            {
                patch[member.Name] = null;
            }
        }

        foreach (var member in to.EnumerateObject())
        {
            if (!from.TryGetProperty(member.Name, out var before))
            {
                patch[member.Name] = JsonPatchApplier.ToNode(member.Value);
            }
            else if (!JsonEquality.AreSemanticallyEqual(before, member.Value))
            {
                patch[member.Name] = Merge(before, member.Value);
            }
        }

        return patch;
    }

    private static void Compare(JsonElement from, JsonElement to, string path, ref List<JsonPatchOperation>? operations, JsonDiffOptions options)
    {
        if (JsonEquality.AreSemanticallyEqual(from, to))
        {
            return;
        }

        if (from.ValueKind == JsonValueKind.Object && to.ValueKind == JsonValueKind.Object)
        {
            foreach (var member in from.EnumerateObject())
            {
                if (!to.TryGetProperty(member.Name, out _))
                {
                    Add(ref operations, new JsonPatchOperation("remove", Child(path, member.Name)));
                }
            }

            foreach (var member in to.EnumerateObject())
            {
                if (from.TryGetProperty(member.Name, out var before))
                {
                    Compare(before, member.Value, Child(path, member.Name), ref operations, options);
                }
                else
                {
                    Add(ref operations, new JsonPatchOperation("add", Child(path, member.Name), Value: member.Value.Clone()));
                }
            }

            return;
        }

        if (from.ValueKind == JsonValueKind.Array && to.ValueKind == JsonValueKind.Array)
        {
            if (options.ArrayItemKey is { } key && Keys(from, key) is { } fromKeys && Keys(to, key) is { } toKeys)
            {
                CompareByKey(from, to, fromKeys, toKeys, path, ref operations, options);
            }
            else
            {
                CompareByPosition(from, to, path, ref operations, options);
            }

            return;
        }

        Add(ref operations, new JsonPatchOperation("replace", path, Value: to.Clone()));
    }

    private static void CompareByPosition(JsonElement from, JsonElement to, string path, ref List<JsonPatchOperation>? operations, JsonDiffOptions options)
    {
        var fromLength = from.GetArrayLength();
        var toLength = to.GetArrayLength();
        for (var i = 0; i < Math.Min(fromLength, toLength); i++)
        {
            Compare(from[i], to[i], Child(path, i), ref operations, options);
        }

        for (var i = fromLength; i < toLength; i++)
        {
            Add(ref operations, new JsonPatchOperation("add", Child(path, i), Value: to[i].Clone()));
        }

        for (var i = fromLength - 1; i >= toLength; i--)
        {
            Add(ref operations, new JsonPatchOperation("remove", Child(path, i)));
        }
    }

    // Removes the items whose key is gone, then walks the target order: same key in place → compare; the key later
    // in the array → move it here first; a new key → add.
    private static void CompareByKey(JsonElement from, JsonElement to, List<string> fromKeys, List<string> toKeys, string path, ref List<JsonPatchOperation>? operations, JsonDiffOptions options)
    {
        var current = new List<(string Key, JsonElement Item)>(fromKeys.Count);
        for (var i = 0; i < fromKeys.Count; i++)
        {
            current.Add((fromKeys[i], from[i]));
        }

        var wanted = new HashSet<string>(toKeys, StringComparer.Ordinal);
        for (var i = current.Count - 1; i >= 0; i--)
        {
            if (!wanted.Contains(current[i].Key))
            {
                Add(ref operations, new JsonPatchOperation("remove", Child(path, i)));
                current.RemoveAt(i);
            }
        }

        for (var i = 0; i < toKeys.Count; i++)
        {
            var target = to[i];
            if (i < current.Count && current[i].Key == toKeys[i])
            {
                Compare(current[i].Item, target, Child(path, i), ref operations, options);
                continue;
            }

            var later = current.FindIndex(i, entry => entry.Key == toKeys[i]);
            if (later >= 0)
            {
                Add(ref operations, new JsonPatchOperation("move", Child(path, i), From: Child(path, later)));
                var moved = current[later];
                current.RemoveAt(later);
                current.Insert(i, moved);
                Compare(moved.Item, target, Child(path, i), ref operations, options);
            }
            else
            {
                Add(ref operations, new JsonPatchOperation("add", Child(path, i), Value: target.Clone()));
                current.Insert(i, (toKeys[i], target));
            }
        }
    }

    // The item keys of an array of objects, or null when an item lacks the key or two share one.
    private static List<string>? Keys(JsonElement array, string key)
    {
        var keys = new List<string>(array.GetArrayLength());
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty(key, out var value) || value.ValueKind is not (JsonValueKind.String or JsonValueKind.Number))
            {
                return null;
            }

            var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
            if (!seen.Add(text))
            {
                return null;
            }

            keys.Add(text);
        }

        return keys;
    }

    private static void Add(ref List<JsonPatchOperation>? operations, JsonPatchOperation operation) => (operations ??= new List<JsonPatchOperation>()).Add(operation);

    private static string Child(string path, string name) => path + "/" + name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private static string Child(string path, int index) => path + "/" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
