using System.Collections.Generic;
using System.Text.Json;

namespace CrmSdkGen.Runtime.Diff;

/// <summary>One RFC 6902 JSON Patch operation.</summary>
/// <param name="Op">add, remove, replace, move, copy or test.</param>
/// <param name="Path">The target location, a JSON Pointer.</param>
/// <param name="From">The source location of move and copy.</param>
/// <param name="Value">The value of add, replace and test (a copy, independent of the compared documents).</param>
public sealed record JsonPatchOperation(string Op, string Path, string? From = null, JsonElement? Value = null)
{
    /// <summary>
    /// Reads a JSON Patch document: an array of operation objects, each with a string <c>op</c> and <c>path</c> (and
    /// <c>from</c>), its <c>value</c> kept as given (a <c>null</c> value is a value; a missing one is not). Members
    /// RFC 6902 does not define are ignored. What each operation needs is checked when it is applied.
    /// </summary>
    /// <exception cref="JsonPatchException">The patch is not an array of objects, or a member has the wrong type.</exception>
    public static IReadOnlyList<JsonPatchOperation> ReadAll(JsonElement patch)
    {
        if (patch.ValueKind != JsonValueKind.Array)
        {
            throw new JsonPatchException(-1, null, null, "is not an array of operations");
        }

        var operations = new List<JsonPatchOperation>(patch.GetArrayLength());
        foreach (var item in patch.EnumerateArray())
        {
            var index = operations.Count;
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw new JsonPatchException(index, null, null, "is not an object");
            }

            var op = Text(item, "op", index, null);
            var path = Text(item, "path", index, op);
            operations.Add(new JsonPatchOperation(op!, path!, Text(item, "from", index, op), item.TryGetProperty("value", out var value) ? value.Clone() : null));
        }

        return operations;
    }

    private static string? Text(JsonElement operation, string name, int index, string? op) =>
        !operation.TryGetProperty(name, out var member) ? null
        : member.ValueKind == JsonValueKind.String ? member.GetString()
        : throw new JsonPatchException(index, op, null, $"has a '{name}' that is not a string");

    /// <summary>Writes the operation as a JSON object.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("op", Op);
        writer.WriteString("path", Path);
        if (From is not null)
        {
            writer.WriteString("from", From);
        }

        if (Value is { } value)
        {
            writer.WritePropertyName("value");
            value.WriteTo(writer);
        }

        writer.WriteEndObject();
    }
}
