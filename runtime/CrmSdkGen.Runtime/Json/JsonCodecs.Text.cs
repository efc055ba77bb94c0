using System;
using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;

namespace CrmSdkGen.Runtime.Json;

// Numbers and booleans that a CRM sends as JSON strings (HubSpot sends every property value as text: "42", "true"),
// chosen by x-crmsdkgen-encoding: string on the schema. They read the text or the plain token, write text, and read ""
// as no value where the member may be null.
public static partial class JsonCodecs
{
    /// <summary>A 32-bit integer sent as a JSON string ("42").</summary>
    public static JsonCodec<int> Int32Text { get; } = new TextCodec<int>(
        "a 32-bit integer or its text",
        static (ref Utf8JsonReader reader, out int value) => reader.TryGetInt32(out value),
        static (ReadOnlySpan<byte> text, out int value) => Utf8Parser.TryParse(text, out value, out var used) && used == text.Length,
        static (string text, out int value) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value),
        static value => value.ToString(CultureInfo.InvariantCulture));

    /// <summary>A 64-bit integer sent as a JSON string ("42").</summary>
    public static JsonCodec<long> Int64Text { get; } = new TextCodec<long>(
        "a 64-bit integer or its text",
        static (ref Utf8JsonReader reader, out long value) => reader.TryGetInt64(out value),
        static (ReadOnlySpan<byte> text, out long value) => Utf8Parser.TryParse(text, out value, out var used) && used == text.Length,
        static (string text, out long value) => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value),
        static value => value.ToString(CultureInfo.InvariantCulture));

    /// <summary>A double sent as a JSON string ("12.5").</summary>
    public static JsonCodec<double> DoubleText { get; } = new TextCodec<double>(
        "a number or its text",
        static (ref Utf8JsonReader reader, out double value) => reader.TryGetDouble(out value),
        static (ReadOnlySpan<byte> text, out double value) => Utf8Parser.TryParse(text, out value, out var used) && used == text.Length,
        static (string text, out double value) => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value),
        static value => value.ToString("R", CultureInfo.InvariantCulture));

    /// <summary>A decimal sent as a JSON string ("12.50").</summary>
    public static JsonCodec<decimal> DecimalText { get; } = new TextCodec<decimal>(
        "a decimal number or its text",
        static (ref Utf8JsonReader reader, out decimal value) => reader.TryGetDecimal(out value),
        static (ReadOnlySpan<byte> text, out decimal value) => Utf8Parser.TryParse(text, out value, out var used) && used == text.Length,
        static (string text, out decimal value) => decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value),
        static value => value.ToString(CultureInfo.InvariantCulture));

    /// <summary>A boolean sent as a JSON string ("true", "false", any case).</summary>
    public static JsonCodec<bool> BooleanText { get; } = new BooleanTextCodec();

    private delegate bool TokenParser<T>(ref Utf8JsonReader reader, out T value);

    private delegate bool SpanParser<T>(ReadOnlySpan<byte> text, out T value);

    private delegate bool StringParser<T>(string text, out T value);

    private sealed class TextCodec<T>(string expected, TokenParser<T> token, SpanParser<T> span, StringParser<T> text, Func<T, string> format) : JsonCodec<T>
    {
        public override T Read(ref Utf8JsonReader reader)
        {
            if (reader.TokenType == JsonTokenType.Number && token(ref reader, out var number))
            {
                return number;
            }

            // The bytes are parsed in place when they can be; any other text (escaped, split, or a form the UTF-8
            // parser refuses) goes through the string parser, so both give the same answer.
            if (reader.TokenType == JsonTokenType.String
                && ((!reader.ValueIsEscaped && !reader.HasValueSequence && span(reader.ValueSpan, out number)) || text(reader.GetString()!, out number)))
            {
                return number;
            }

            throw JsonReading.Unexpected(ref reader, expected);
        }

        public override void Write(Utf8JsonWriter writer, T value) => writer.WriteStringValue(format(value));

        internal override bool IsAbsent(ref Utf8JsonReader reader) => IsEmptyText(ref reader);
    }

    private sealed class BooleanTextCodec : JsonCodec<bool>
    {
        public override bool Read(ref Utf8JsonReader reader) => reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            JsonTokenType.String when bool.TryParse(reader.GetString(), out var value) => value,
            _ => throw JsonReading.Unexpected(ref reader, "a boolean or its text"),
        };

        public override void Write(Utf8JsonWriter writer, bool value) => writer.WriteStringValue(value ? "true" : "false");

        internal override bool IsAbsent(ref Utf8JsonReader reader) => IsEmptyText(ref reader);
    }

    private static bool IsEmptyText(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.String && !reader.HasValueSequence && reader.ValueSpan.Length == 0;
}
