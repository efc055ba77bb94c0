using System;
using System.Buffers;
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
    private const int InitialBufferSize = 4096;
    private const int MaxRetainedBufferSize = 64 * 1024;

    [ThreadStatic]
    private static bool t_forRequest;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

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
        using var json = WriteRequest(value, codec);
        return json.Written.ToArray();
    }

    /// <summary>
    /// Writes a request body into a buffer lent by this thread, which the caller gives back by disposing the result;
    /// one buffer and writer per thread serve every body instead of a growing buffer and a writer per request.
    /// </summary>
    internal static LentJson WriteRequest<T>(T value, JsonCodec<T> codec, bool changesOnly = false) => Write(value, codec, forRequest: true, changesOnly);

    /// <summary>Writes a value whole (not as a request body) into a buffer lent by this thread; dispose the result to give it back.</summary>
    internal static LentJson Write<T>(T value, JsonCodec<T> codec) => Write(value, codec, forRequest: false, changesOnly: false);

    private static LentJson Write<T>(T value, JsonCodec<T> codec, bool forRequest, bool changesOnly)
    {
        var buffer = t_buffer ?? new ArrayBufferWriter<byte>(InitialBufferSize);
        var writer = t_writer ?? new Utf8JsonWriter(buffer);
        t_buffer = null;
        t_writer = null;
        var previous = t_forRequest;
        t_forRequest = forRequest;
        try
        {
            // A model never edited since it was read (or parsed from stored JSON) is sent as it is.
            if (changesOnly && value is IChangeTracking { HasChanges: true } tracked)
            {
                tracked.WriteChangesJson(writer);
            }
            else
            {
                codec.Write(writer, value);
            }

            writer.Flush();
            return new LentJson(buffer, writer);
        }
        catch
        {
            new LentJson(buffer, writer).Dispose();
            throw;
        }
        finally
        {
            t_forRequest = previous;
        }
    }

    /// <summary>A written body in a lent buffer.</summary>
    internal readonly struct LentJson : IDisposable
    {
        private readonly ArrayBufferWriter<byte> _buffer;
        private readonly Utf8JsonWriter _writer;

        public LentJson(ArrayBufferWriter<byte> buffer, Utf8JsonWriter writer)
        {
            _buffer = buffer;
            _writer = writer;
        }

        public ReadOnlyMemory<byte> Written => _buffer.WrittenMemory;

        public void Dispose()
        {
            if (_buffer.Capacity > MaxRetainedBufferSize)
            {
                return;
            }

            _buffer.ResetWrittenCount();
            _writer.Reset(_buffer);
            t_buffer = _buffer;
            t_writer = _writer;
        }
    }
}
