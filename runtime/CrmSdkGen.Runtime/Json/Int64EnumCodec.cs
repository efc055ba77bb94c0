using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace CrmSdkGen.Runtime.Json;

/// <summary>
/// The codec of a generated integer enumeration (underlying type long). A number the spec does not list is kept as
/// the enum's value, so it round-trips like an unknown string enum value.
/// </summary>
/// <typeparam name="T">The enumeration type, whose underlying type is long.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class Int64EnumCodec<T> : JsonCodec<T>
    where T : struct, Enum
{
    private Int64EnumCodec()
    {
        if (Unsafe.SizeOf<T>() != sizeof(long))
        {
            throw new InvalidOperationException(typeof(T).Name + " must have long as its underlying type.");
        }
    }

    /// <summary>The single instance.</summary>
    public static Int64EnumCodec<T> Instance { get; } = new();

    /// <inheritdoc />
    public override T Read(ref Utf8JsonReader reader)
    {
        var value = JsonCodecs.Int64.Read(ref reader);
        return Unsafe.As<long, T>(ref value);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value) => writer.WriteNumberValue(Unsafe.As<T, long>(ref value));
}
