using System;
using System.Buffers;
using System.Text;
using System.Text.Json;

namespace CrmSdkGen.Runtime.Json;

/// <summary>Parses and formats generated models and other codec-backed values.</summary>
public static class JsonModel
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 256 };

    /// <summary>Parses a generated model from JSON text.</summary>
    public static T Parse<T>(string json)
        where T : class, IJsonModel<T> => Parse(Encoding.UTF8.GetBytes(json), ModelCodec<T>.Instance);

    /// <summary>Parses a value from UTF-8 JSON with <paramref name="codec"/>.</summary>
    public static T Parse<T>(ReadOnlySpan<byte> utf8Json, JsonCodec<T> codec)
    {
        var reader = new Utf8JsonReader(utf8Json, ReaderOptions);
        if (!reader.Read())
        {
            throw new JsonException("The JSON is empty.");
        }

        var value = codec.Read(ref reader);
        if (reader.Read())
        {
            throw new JsonException($"Unexpected data after the JSON value at byte {reader.TokenStartIndex}.");
        }

        return value;
    }

    /// <summary>Formats a generated model as JSON text.</summary>
    public static string ToJson<T>(T model)
        where T : class, IJsonModel<T>
    {
        using var json = JsonWriting.Write(model, ModelCodec<T>.Instance);
        return Encoding.UTF8.GetString(json.Written.Span);
    }

    /// <summary>The model as a JSON element, with exactly the properties that were read or assigned.</summary>
    public static JsonElement ToElement<T>(T model)
        where T : class, IJsonModel<T>
    {
        using var json = JsonWriting.Write(model, ModelCodec<T>.Instance);
        return JsonElements.FromUtf8(json.Written.Span);
    }

    /// <summary>Formats only the properties of <paramref name="model"/> assigned since it was created, read or last accepted: the minimal PATCH body.</summary>
    public static string ChangesToJson<T>(T model)
        where T : ApiModel<System.Text.Json.JsonElement>
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            model.WriteChangesJson(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Formats a value as UTF-8 JSON with <paramref name="codec"/>.</summary>
    public static byte[] ToUtf8<T>(T value, JsonCodec<T> codec)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            codec.Write(writer, value);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
