using System.Text.Json;

namespace CrmSdkGen.Runtime.Json;

/// <summary>Reads and writes one CLR type as JSON without reflection.</summary>
/// <typeparam name="T">The CLR type this codec handles.</typeparam>
public abstract class JsonCodec<T>
{
    /// <summary>Reads a value; the reader is positioned on the value's first token and is left on its last token.</summary>
    public abstract T Read(ref Utf8JsonReader reader);

    /// <summary>Writes <paramref name="value"/> at the writer's current position.</summary>
    public abstract void Write(Utf8JsonWriter writer, T value);

    // Whether the token stands for no value although it is not JSON null: a CRM that sends numbers as text sends "" for
    // a cleared one.
    internal virtual bool IsAbsent(ref Utf8JsonReader reader) => false;
}
