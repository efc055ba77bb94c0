using System.ComponentModel;
using System.Text.Json;

namespace CrmSdkGen.Runtime.Json;

/// <summary>A reference type that may be JSON null.</summary>
/// <typeparam name="T">The underlying reference type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class NullableReferenceCodec<T> : JsonCodec<T?>
    where T : class
{
    private readonly JsonCodec<T> _inner;

    /// <summary>Wraps <paramref name="inner"/> so that null is accepted.</summary>
    public NullableReferenceCodec(JsonCodec<T> inner) => _inner = inner;

    /// <inheritdoc />
    public override T? Read(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : _inner.Read(ref reader);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T? value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            _inner.Write(writer, value);
        }
    }
}
