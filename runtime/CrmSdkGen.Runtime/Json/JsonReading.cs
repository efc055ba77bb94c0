using System.ComponentModel;
using System.Text.Json;

namespace CrmSdkGen.Runtime.Json;

/// <summary>Helpers that generated JSON readers call; not meant for direct use.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonReading
{
    /// <summary>Fails unless the reader is on the start of an object.</summary>
    public static void ExpectStartObject(ref Utf8JsonReader reader, string typeName)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw Unexpected(ref reader, "a JSON object for " + typeName);
        }
    }

    /// <summary>Moves to the value of the current property.</summary>
    public static void MoveToValue(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw new JsonException("The JSON ended inside a property.");
        }
    }

    /// <summary>Moves to the value of the current property and reads it.</summary>
    public static T ReadValue<T>(ref Utf8JsonReader reader, JsonCodec<T> codec)
    {
        MoveToValue(ref reader);
        return codec.Read(ref reader);
    }

    /// <summary>Moves to the value of the current property and reads it, or null for JSON null.</summary>
    public static T? ReadNullableValue<T>(ref Utf8JsonReader reader, JsonCodec<T> codec)
        where T : struct
    {
        MoveToValue(ref reader);
        return reader.TokenType == JsonTokenType.Null || codec.IsAbsent(ref reader) ? null : codec.Read(ref reader);
    }

    /// <summary>Moves to the value of the current property and reads it, or null for JSON null.</summary>
    public static T? ReadNullableReference<T>(ref Utf8JsonReader reader, JsonCodec<T> codec)
        where T : class
    {
        MoveToValue(ref reader);
        return reader.TokenType == JsonTokenType.Null ? null : codec.Read(ref reader);
    }

    /// <summary>The error for a token that is not what the schema allows.</summary>
    public static JsonException Unexpected(ref Utf8JsonReader reader, string expected) =>
        new JsonValueException($"expected {expected} but found {Describe(reader.TokenType)}", reader.TokenStartIndex);

    /// <summary>The error for a required property that the JSON did not contain.</summary>
    public static JsonException MissingRequired(string typeName, string jsonName) =>
        new($"The JSON object for {typeName} has no value for the required property '{jsonName}'.");

    /// <summary>The error for reading a required property of a model that was neither read nor assigned.</summary>
    public static System.InvalidOperationException NotSet(string typeName, string jsonName) =>
        new($"The required property '{jsonName}' of {typeName} has not been set.");

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.Null => "null",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        _ => token.ToString(),
    };
}
