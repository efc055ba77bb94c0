using System;
using System.Buffers;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text;
using System.Text.Json;

namespace CrmSdkGen.Runtime.Json;

/// <summary>
/// A list sent as one JSON string of items joined by a separator, as HubSpot sends a multiple checkbox
/// (<c>"golf;chess"</c>) and Pipedrive v1 a set of option ids (<c>"31,32"</c>); a JSON array is read as well. Each item
/// is read and written by the item's own codec, as if it were a JSON string; <c>""</c> is the empty list, and is what an
/// empty list is written as.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class DelimitedListCodec<T> : JsonCodec<IList<T>>
{
    private readonly JsonCodec<T> _item;
    private readonly ListCodec<T> _array;
    private readonly string _separator;

    /// <summary>Creates a codec for lists whose items <paramref name="item"/> handles, joined by <paramref name="separator"/>.</summary>
    public DelimitedListCodec(JsonCodec<T> item, string separator)
    {
        if (string.IsNullOrEmpty(separator))
        {
            throw new ArgumentException("The separator must not be empty.", nameof(separator));
        }

        _item = item;
        _array = new ListCodec<T>(item);
        _separator = separator;
    }

    /// <inheritdoc />
    public override IList<T> Read(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            return _array.Read(ref reader);
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            throw JsonReading.Unexpected(ref reader, $"a text of items separated by '{_separator}', or an array");
        }

        var text = reader.GetString()!;
        var list = new List<T>();
        if (text.Length == 0)
        {
            return list;
        }

        foreach (var part in text.Split(new[] { _separator }, StringSplitOptions.None))
        {
            try
            {
                list.Add(ReadItem(part));
            }
            catch (JsonException failure)
            {
                throw JsonPathException.InItem(failure, list.Count);
            }
        }

        return list;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, IList<T> value)
    {
        var text = new StringBuilder();
        for (var index = 0; index < value.Count; index++)
        {
            var item = ItemText(value[index]);
            if (item.Contains(_separator))
            {
                // Sent joined, it would read back as two items.
                throw new ArgumentException($"Item {index} ('{item}') contains the separator '{_separator}', so it cannot be sent in a list joined by it.", nameof(value));
            }

            text.Append(index == 0 ? string.Empty : _separator).Append(item);
        }

        writer.WriteStringValue(text.ToString());
    }

    private T ReadItem(string part)
    {
        var buffer = new ArrayBufferWriter<byte>(part.Length + 2);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStringValue(part);
        }

        var reader = new Utf8JsonReader(buffer.WrittenSpan);
        reader.Read();
        return _item.Read(ref reader);
    }

    private string ItemText(T item)
    {
        var buffer = new ArrayBufferWriter<byte>(32);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            _item.Write(writer, item);
        }

        var reader = new Utf8JsonReader(buffer.WrittenSpan);
        reader.Read();
        return reader.TokenType == JsonTokenType.String ? reader.GetString()! : Encoding.UTF8.GetString(reader.ValueSpan.ToArray());
    }
}
