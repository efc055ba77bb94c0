using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;
using CrmSdkGen.Runtime.Json;

namespace CrmSdkGen.Runtime.Diff;

/// <summary>Applies RFC 6902 JSON Patches and RFC 7396 merge patches to JSON documents.</summary>
public static class JsonPatchApplier
{
    /// <summary>
    /// Applies <paramref name="operations"/> to a copy of <paramref name="document"/> and returns it; the document is left
    /// as it was, also when an operation fails, so a patch applies whole or not at all.
    /// </summary>
    /// <param name="document">The document.</param>
    /// <param name="operations">The patch.</param>
    /// <param name="test">How <c>test</c> operations compare: RFC 6902's way by default.</param>
    /// <exception cref="JsonPatchException">An operation is malformed or fails; the exception names its index and pointer.</exception>
    public static JsonNode? Apply(JsonNode? document, IEnumerable<JsonPatchOperation> operations, JsonPatchTest test = JsonPatchTest.Rfc6902)
    {
        ArgumentNullException.ThrowIfNull(operations);
        var result = document?.DeepClone();
        var index = 0;
        foreach (var operation in operations)
        {
            result = new Step(index++, operation ?? throw new JsonPatchException(index - 1, null, null, "is null")).Apply(result, test);
        }

        return result;
    }

    /// <summary>Applies a patch received as JSON (an array of operation objects) to a copy of <paramref name="document"/>.</summary>
    /// <exception cref="JsonPatchException">The patch is malformed, or an operation fails.</exception>
    public static JsonNode? Apply(JsonNode? document, JsonElement patch, JsonPatchTest test = JsonPatchTest.Rfc6902) =>
        Apply(document, JsonPatchOperation.ReadAll(patch), test);

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

    // One operation of a patch, with what its failures are reported with.
    private readonly struct Step
    {
        private readonly int _index;
        private readonly JsonPatchOperation _operation;

        public Step(int index, JsonPatchOperation operation) => (_index, _operation) = (index, operation);

        public JsonNode? Apply(JsonNode? document, JsonPatchTest test)
        {
            var path = Tokens(_operation.Path);
            switch (_operation.Op)
            {
                case "add":
                    return Add(document, path, ToNode(Value()));
                case "remove":
                    return Remove(document, path, _operation.Path, out _);
                case "replace":
                    Find(document, path, _operation.Path);
                    return Add(Remove(document, path, _operation.Path, out _), path, ToNode(Value()));
                case "move":
                    var from = Tokens(From());
                    if (IsProperPrefix(from, path))
                    {
                        throw Fail("moves a location into itself", From());
                    }

                    return Add(Remove(document, from, From(), out var moved), path, moved);
                case "copy":
                    return Add(document, path, Find(document, Tokens(From()), From())?.DeepClone());
                case "test":
                    var actual = JsonElements.FromNode(Find(document, path, _operation.Path));
                    var equal = test == JsonPatchTest.Semantic ? JsonEquality.AreSemanticallyEqual(actual, Value()) : JsonEquality.AreEqualAsJson(actual, Value());
                    return equal ? document : throw Fail("failed: the value there is not the one tested for", _operation.Path);
                default:
                    throw Fail(_operation.Op is null ? "has no op" : "is not an operation RFC 6902 defines", _operation.Path);
            }
        }

        private JsonElement Value() => _operation.Value ?? throw Fail("has no value", _operation.Path);

        private string From() => _operation.From ?? throw Fail("has no from", _operation.Path);

        private List<string> Tokens(string? pointer) =>
            pointer is null ? throw Fail("has no path", null)
            : JsonPointerTokens.Parse(pointer, out var problem) ?? throw Fail("has a path that " + problem, pointer);

        private JsonNode? Add(JsonNode? document, List<string> path, JsonNode? value)
        {
            if (path.Count == 0)
            {
                return value;
            }

            var last = path[path.Count - 1];
            switch (Find(document, path, path.Count - 1, _operation.Path))
            {
                case JsonObject members:
                    members[last] = value;
                    break;
                case JsonArray items:
                    var index = last == "-" ? items.Count : JsonPointerTokens.Index(last, items.Count + 1);
                    items.Insert(index >= 0 ? index : throw Fail($"names no place in the array ('{last}' is not an index from 0 to {items.Count}, or '-')", _operation.Path), value);
                    break;
                default:
                    throw Fail("has a parent that is not an object or an array", _operation.Path);
            }

            return document;
        }

        private JsonNode? Remove(JsonNode? document, List<string> path, string pointer, out JsonNode? removed)
        {
            if (path.Count == 0)
            {
                removed = document;
                return null;
            }

            var last = path[path.Count - 1];
            switch (Find(document, path, path.Count - 1, pointer))
            {
                case JsonObject members when members.TryGetPropertyValue(last, out removed):
                    members.Remove(last);
                    return document;
                case JsonArray items when JsonPointerTokens.Index(last, items.Count) is var index and >= 0:
                    removed = items[index];
                    items.RemoveAt(index);
                    return document;
                default:
                    throw Fail("names a location that does not exist", pointer);
            }
        }

        private JsonNode? Find(JsonNode? document, List<string> path, string pointer) => Find(document, path, path.Count, pointer);

        private JsonNode? Find(JsonNode? document, List<string> path, int count, string pointer)
        {
            var node = document;
            for (var i = 0; i < count; i++)
            {
                var token = path[i];
                node = node switch
                {
                    JsonObject members when members.TryGetPropertyValue(token, out var child) => child,
                    JsonArray items when JsonPointerTokens.Index(token, items.Count) is var index and >= 0 => items[index],
                    _ => throw Fail("names a location that does not exist", pointer),
                };
            }

            return node;
        }

        private JsonPatchException Fail(string problem, string? pointer) => new(_index, _operation.Op, pointer, problem);
    }

    private static bool IsProperPrefix(List<string> prefix, List<string> path)
    {
        if (prefix.Count >= path.Count)
        {
            return false;
        }

        for (var i = 0; i < prefix.Count; i++)
        {
            if (!string.Equals(prefix[i], path[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
