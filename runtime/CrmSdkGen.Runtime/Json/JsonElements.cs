using System;
using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CrmSdkGen.Runtime.Json;

/// <summary>
/// Standalone <see cref="JsonElement"/>s (no document to dispose) from the forms records take on the way: what a sync
/// store reads back from its storage (UTF-8 bytes or text) becomes the element it hands the engine.
/// </summary>
public static class JsonElements
{
    /// <summary>The element of UTF-8 JSON, copied out of the span.</summary>
    /// <exception cref="JsonException">The bytes are not one JSON value.</exception>
    public static JsonElement FromUtf8(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json);
        return JsonElement.ParseValue(ref reader);
    }

    /// <summary>The element of JSON text.</summary>
    /// <exception cref="JsonException">The text is not one JSON value.</exception>
    public static JsonElement FromText(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    /// <summary>The element of a node (null for JSON null), written once without going through a string.</summary>
    public static JsonElement FromNode(JsonNode? node)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            if (node is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                node.WriteTo(writer);
            }
        }

        return FromUtf8(buffer.WrittenSpan);
    }
}
