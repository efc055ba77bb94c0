using System.Collections.Generic;
using System.ComponentModel;
using System.Text.Json;

namespace CrmSdkGen.Runtime.Json;

/// <summary>A JSON object with arbitrary keys as an <see cref="IDictionary{TKey, TValue}"/>.</summary>
/// <typeparam name="T">The value type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class DictionaryCodec<T> : JsonCodec<IDictionary<string, T>>
{
    private readonly JsonCodec<T> _value;

    /// <summary>Creates a codec for objects whose values <paramref name="value"/> handles.</summary>
    public DictionaryCodec(JsonCodec<T> value) => _value = value;

    /// <inheritdoc />
    public override IDictionary<string, T> Read(ref Utf8JsonReader reader)
    {
        JsonReading.ExpectStartObject(ref reader, "a dictionary");
        var dictionary = new Dictionary<string, T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var key = reader.GetString()!;
            try
            {
                JsonReading.MoveToValue(ref reader);
                dictionary[key] = _value.Read(ref reader);
            }
            catch (JsonException failure)
            {
                throw JsonPathException.InEntry(failure, key);
            }
        }

        return dictionary;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, IDictionary<string, T> value)
    {
        writer.WriteStartObject();
        foreach (var pair in value)
        {
            writer.WritePropertyName(pair.Key);
            _value.Write(writer, pair.Value);
        }

        writer.WriteEndObject();
    }
}
