using System.ComponentModel;
using System.Text.Json;

namespace CrmSdkGen.Runtime.Json;

/// <summary>A value type that may be JSON null.</summary>
/// <typeparam name="T">The underlying value type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class NullableValueCodec<T> : JsonCodec<T?>
    where T : struct
{
    private readonly JsonCodec<T> _inner;

    /// <summary>Wraps <paramref name="inner"/> so that null is accepted.</summary>
    public NullableValueCodec(JsonCodec<T> inner) => _inner = inner;

    /// <inheritdoc />
    public override T? Read(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null || _inner.IsAbsent(ref reader) ? null : _inner.Read(ref reader);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T? value)
    {
        if (value is { } present)
        {
            _inner.Write(writer, present);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
