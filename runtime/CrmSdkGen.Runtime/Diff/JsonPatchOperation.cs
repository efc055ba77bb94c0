using System.Text.Json;

namespace CrmSdkGen.Runtime.Diff;

/// <summary>One RFC 6902 JSON Patch operation.</summary>
/// <param name="Op">add, remove, replace, move, copy or test.</param>
/// <param name="Path">The target location, a JSON Pointer.</param>
/// <param name="From">The source location of move and copy.</param>
/// <param name="Value">The value of add, replace and test (a copy, independent of the compared documents).</param>
public sealed record JsonPatchOperation(string Op, string Path, string? From = null, JsonElement? Value = null)
{
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
