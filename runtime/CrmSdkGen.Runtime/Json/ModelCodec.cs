using System.ComponentModel;
using System.Text.Json;

namespace CrmSdkGen.Runtime.Json;

/// <summary>The codec of a generated model.</summary>
/// <typeparam name="T">The model type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ModelCodec<T> : JsonCodec<T>
    where T : class, IJsonModel<T>
{
    private ModelCodec()
    {
    }

    /// <summary>The single instance.</summary>
    public static ModelCodec<T> Instance { get; } = new();

    /// <inheritdoc />
    public override T Read(ref Utf8JsonReader reader) => T.ReadJson(ref reader);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value) => value.WriteJson(writer);
}
