using System;
using System.ComponentModel;
using System.Text.Json;

namespace CrmSdkGen.Runtime.Json;

/// <summary>
/// Helpers that generated JSON writers call, and whether a model is being written as a request body, in which case
/// its read-only properties (which the API sets) are left out; everywhere else, such as
/// <see cref="JsonModel.ToJson{T}"/>, a model is written whole.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonWriting
{
    [ThreadStatic]
    private static bool t_forRequest;

    /// <summary>True while a request body is being written on this thread.</summary>
    public static bool ForRequest => t_forRequest;

    /// <summary>Writes a property with a value.</summary>
    public static void WriteValue<T>(Utf8JsonWriter writer, ReadOnlySpan<byte> utf8Name, T value, JsonCodec<T> codec)
    {
        writer.WritePropertyName(utf8Name);
        codec.Write(writer, value);
    }

    /// <summary>Writes a property whose value may be null.</summary>
    public static void WriteNullableValue<T>(Utf8JsonWriter writer, ReadOnlySpan<byte> utf8Name, T? value, JsonCodec<T> codec)
        where T : struct
    {
        writer.WritePropertyName(utf8Name);
        if (value is { } present)
        {
            codec.Write(writer, present);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    /// <summary>Writes a property whose value may be null.</summary>
    public static void WriteNullableReference<T>(Utf8JsonWriter writer, ReadOnlySpan<byte> utf8Name, T? value, JsonCodec<T> codec)
        where T : class
    {
        writer.WritePropertyName(utf8Name);
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            codec.Write(writer, value);
        }
    }

    internal static byte[] ToRequestUtf8<T>(T value, JsonCodec<T> codec)
    {
        var previous = t_forRequest;
        t_forRequest = true;
        try
        {
            return JsonModel.ToUtf8(value, codec);
        }
        finally
        {
            t_forRequest = previous;
        }
    }
}
