using System.ComponentModel;
using System.Text.Json;

namespace CrmSdkGen.Runtime.Json;

/// <summary>The codec of a generated string-backed enumeration.</summary>
/// <typeparam name="T">The enumeration type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class StringEnumCodec<T> : JsonCodec<T>
    where T : struct, IStringEnum<T>
{
    private StringEnumCodec()
    {
    }

    /// <summary>The single instance.</summary>
    public static StringEnumCodec<T> Instance { get; } = new();

    /// <inheritdoc />
    public override T Read(ref Utf8JsonReader reader) => T.FromValue(JsonCodecs.String.Read(ref reader));

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value) => writer.WriteStringValue(value.Value);
}
