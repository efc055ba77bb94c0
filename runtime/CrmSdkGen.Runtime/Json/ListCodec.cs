using System.Collections.Generic;
using System.ComponentModel;
using System.Text.Json;

namespace CrmSdkGen.Runtime.Json;

/// <summary>A JSON array as an <see cref="IList{T}"/>.</summary>
/// <typeparam name="T">The item type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ListCodec<T> : JsonCodec<IList<T>>
{
    private readonly JsonCodec<T> _item;

    /// <summary>Creates a codec for arrays whose items <paramref name="item"/> handles.</summary>
    public ListCodec(JsonCodec<T> item) => _item = item;

    /// <inheritdoc />
    public override IList<T> Read(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw JsonReading.Unexpected(ref reader, "an array");
        }

        var list = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            try
            {
                list.Add(_item.Read(ref reader));
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
        writer.WriteStartArray();
        foreach (var item in value)
        {
            _item.Write(writer, item);
        }

        writer.WriteEndArray();
    }
}
