using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CrmSdkGen.Runtime.Json;

namespace CrmSdkGen.Runtime.Diff;

/// <summary>Applies RFC 6902 JSON Patches and RFC 7396 merge patches to JSON documents.</summary>
public static class JsonPatchApplier
{
    /// <summary>Applies <paramref name="operations"/> to <paramref name="document"/>, which it changes, and returns the result.</summary>
    /// <exception cref="InvalidOperationException">An operation's path does not exist, or a test fails.</exception>
    public static JsonNode? Apply(JsonNode? document, IEnumerable<JsonPatchOperation> operations)
    {
        ArgumentNullException.ThrowIfNull(operations);
        foreach (var operation in operations)
        {
            document = operation.Op switch
            {
                "add" => Add(document, operation.Path, ToNode(Value(operation))),
                "remove" => Remove(document, operation.Path, out _),
                "replace" => Add(Remove(document, operation.Path, out _), operation.Path, ToNode(Value(operation))),
                "move" => Move(document, operation),
                "copy" => Add(document, operation.Path, Find(document, operation.From ?? throw Invalid(operation, "has no from"))?.DeepClone()),
                "test" => Test(document, operation),
                _ => throw Invalid(operation, "is not an operation RFC 6902 defines"),
            };
        }

        return document;
    }

    /// <summary>Applies an RFC 7396 merge patch to <paramref name="target"/> and returns the result.</summary>
    public static JsonNode? ApplyMergePatch(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject members)
        {
            return patch?.DeepClone();
        }

        var result = target as JsonObject ?? new JsonObject();
        foreach (var (name, value) in members)
        {
            if (value is null)
            {
                result.Remove(name);
            }
            else
            {
                result.TryGetPropertyValue(name, out var existing);
                result[name] = ApplyMergePatch(existing?.DeepClone(), value);
            }
        }

        return result;
    }

    internal static JsonNode? ToNode(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => JsonObject.Create(value),
        JsonValueKind.Array => JsonArray.Create(value),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => JsonValue.Create(value),
    };

    private static JsonElement Value(JsonPatchOperation operation) => operation.Value ?? throw Invalid(operation, "has no value");

    private static JsonNode? Move(JsonNode? document, JsonPatchOperation operation)
    {
        document = Remove(document, operation.From ?? throw Invalid(operation, "has no from"), out var moved);
        return Add(document, operation.Path, moved);
    }

    private static JsonNode? Test(JsonNode? document, JsonPatchOperation operation)
    {
        var actual = Find(document, operation.Path);
        var expected = operation.Value ?? JsonElements.FromNode(null);
        return JsonEquality.AreEqual(JsonElements.FromNode(actual), expected) ? document : throw Invalid(operation, "failed");
    }

    private static JsonNode? Add(JsonNode? document, string path, JsonNode? value)
    {
        if (path.Length == 0)
        {
            return value;
        }

        var (parent, last) = Parent(document, path);
        switch (parent)
        {
            case JsonObject members:
                members[last] = value;
                break;
            case JsonArray items:
                var index = last == "-" ? items.Count : Index(last, items.Count + 1, path);
                items.Insert(index, value);
                break;
            default:
                throw new InvalidOperationException($"The parent of '{path}' is not an object or array.");
        }

        return document;
    }

    private static JsonNode? Remove(JsonNode? document, string path, out JsonNode? removed)
    {
        if (path.Length == 0)
        {
            removed = document;
            return null;
        }

        var (parent, last) = Parent(document, path);
        switch (parent)
        {
            case JsonObject members when members.TryGetPropertyValue(last, out removed):
                members.Remove(last);
                break;
            case JsonArray items:
                var index = Index(last, items.Count, path);
                removed = items[index];
                items.RemoveAt(index);
                break;
            default:
                throw new InvalidOperationException($"'{path}' does not exist.");
        }

        return document;
    }

    private static (JsonNode? Parent, string Last) Parent(JsonNode? document, string path)
    {
        var split = path.LastIndexOf('/');
        return (Find(document, path.Substring(0, split)), Unescape(path.Substring(split + 1)));
    }

    private static JsonNode? Find(JsonNode? document, string path)
    {
        var node = document;
        if (path.Length == 0)
        {
            return node;
        }

        foreach (var raw in path.Substring(1).Split('/'))
        {
            var segment = Unescape(raw);
            node = node switch
            {
                JsonObject members when members.TryGetPropertyValue(segment, out var child) => child,
                JsonArray items => items[Index(segment, items.Count, path)],
                _ => throw new InvalidOperationException($"'{path}' does not exist."),
            };
        }

        return node;
    }

    private static int Index(string segment, int limit, string path) =>
        int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < limit
            ? index
            : throw new InvalidOperationException($"'{segment}' in '{path}' is not an index of the array.");

    private static string Unescape(string segment) => segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);

    private static InvalidOperationException Invalid(JsonPatchOperation operation, string problem) => new($"The {operation.Op} operation at '{operation.Path}' {problem}.");
}
