using System;
using System.ComponentModel;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace CrmSdkGen.Runtime.Json;

/// <summary>Codecs for the JSON primitives that OpenAPI types and formats map to.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class JsonCodecs
{
    /// <summary>A JSON string.</summary>
    public static JsonCodec<string> String { get; } = new StringCodec();
    /// <summary>A JSON boolean.</summary>
    public static JsonCodec<bool> Boolean { get; } = new BooleanCodec();
    /// <summary>A JSON integer that fits 32 bits (format int32).</summary>
    public static JsonCodec<int> Int32 { get; } = new Int32Codec();
    /// <summary>A JSON integer that fits 64 bits (format int64, or no format).</summary>
    public static JsonCodec<long> Int64 { get; } = new Int64Codec();
    /// <summary>A JSON number as a single-precision float (format float).</summary>
    public static JsonCodec<float> Single { get; } = new SingleCodec();
    /// <summary>A JSON number as a double (format double, or no format).</summary>
    public static JsonCodec<double> Double { get; } = new DoubleCodec();
    /// <summary>A JSON number as a decimal (format decimal).</summary>
    public static JsonCodec<decimal> Decimal { get; } = new DecimalCodec();
    /// <summary>A JSON string holding an RFC 3339 date-time.</summary>
    public static JsonCodec<DateTimeOffset> DateTimeOffset { get; } = new DateTimeOffsetCodec();
    /// <summary>A JSON string holding an RFC 3339 full-date.</summary>
    public static JsonCodec<DateOnly> DateOnly { get; } = new DateOnlyCodec();
    /// <summary>A JSON string holding a UUID.</summary>
    public static JsonCodec<Guid> Guid { get; } = new GuidCodec();
    /// <summary>A JSON string holding base64 data (format byte).</summary>
    public static JsonCodec<byte[]> Base64 { get; } = new Base64Codec();
    /// <summary>Any JSON value, kept exactly as it was received.</summary>
    public static JsonCodec<JsonElement> Element { get; } = new ElementCodec();

    private sealed class StringCodec : JsonCodec<string>
    {
        public override string Read(ref Utf8JsonReader reader) =>
            reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw JsonReading.Unexpected(ref reader, "a string");

        public override void Write(Utf8JsonWriter writer, string value) => writer.WriteStringValue(value);
    }

    private sealed class BooleanCodec : JsonCodec<bool>
    {
        public override bool Read(ref Utf8JsonReader reader) => reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            _ => throw JsonReading.Unexpected(ref reader, "a boolean"),
        };

        public override void Write(Utf8JsonWriter writer, bool value) => writer.WriteBooleanValue(value);
    }

    private sealed class Int32Codec : JsonCodec<int>
    {
        public override int Read(ref Utf8JsonReader reader) =>
            reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var value) ? value : throw JsonReading.Unexpected(ref reader, "a 32-bit integer");

        public override void Write(Utf8JsonWriter writer, int value) => writer.WriteNumberValue(value);
    }

    private sealed class Int64Codec : JsonCodec<long>
    {
        public override long Read(ref Utf8JsonReader reader) =>
            reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value) ? value : throw JsonReading.Unexpected(ref reader, "a 64-bit integer");

        public override void Write(Utf8JsonWriter writer, long value) => writer.WriteNumberValue(value);
    }

    private sealed class SingleCodec : JsonCodec<float>
    {
        public override float Read(ref Utf8JsonReader reader) =>
            reader.TokenType == JsonTokenType.Number && reader.TryGetSingle(out var value) ? value : throw JsonReading.Unexpected(ref reader, "a number");

        public override void Write(Utf8JsonWriter writer, float value) => writer.WriteNumberValue(value);
    }

    private sealed class DoubleCodec : JsonCodec<double>
    {
        public override double Read(ref Utf8JsonReader reader) =>
            reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var value) ? value : throw JsonReading.Unexpected(ref reader, "a number");

        public override void Write(Utf8JsonWriter writer, double value) => writer.WriteNumberValue(value);
    }

    private sealed class DecimalCodec : JsonCodec<decimal>
    {
        public override decimal Read(ref Utf8JsonReader reader) =>
            reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out var value) ? value : throw JsonReading.Unexpected(ref reader, "a decimal number");

        public override void Write(Utf8JsonWriter writer, decimal value) => writer.WriteNumberValue(value);
    }

    private sealed class DateTimeOffsetCodec : JsonCodec<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader)
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                if (reader.TryGetDateTimeOffset(out var value))
                {
                    return value;
                }

                // RFC 3339 allows forms (lower-case 't'/'z', a space separator) that the ISO 8601 profile of the reader refuses.
                var text = reader.GetString();
                if (System.DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out value)
                    || TryReadUnixMilliseconds(text, out value))
                {
                    return value;
                }
            }

            throw JsonReading.Unexpected(ref reader, "an RFC 3339 date-time string");
        }

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value) => writer.WriteStringValue(value);
    }

    private sealed class DateOnlyCodec : JsonCodec<DateOnly>
    {
        public override DateOnly Read(ref Utf8JsonReader reader)
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                var text = reader.GetString();
                if (System.DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
                {
                    return value;
                }

                // CRMs store a date as its midnight (HubSpot: midnight UTC, as RFC 3339 or Unix milliseconds).
                // The date is the one on the clock of the instant's own offset.
                if (System.DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var midnight)
                    || TryReadUnixMilliseconds(text, out midnight))
                {
                    return System.DateOnly.FromDateTime(midnight.DateTime);
                }
            }

            throw JsonReading.Unexpected(ref reader, "a yyyy-MM-dd date string");
        }

        public override void Write(Utf8JsonWriter writer, DateOnly value) =>
            writer.WriteStringValue(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    // A string of 10 to 15 digits is Unix milliseconds, as HubSpot's older APIs and its form submissions send instants
    // (13 digits today); fewer digits would be a basic ISO date ("20270131") or a count, not an instant.
    private static bool TryReadUnixMilliseconds(string? text, out DateTimeOffset value)
    {
        value = default;
        if (text is not { Length: >= 10 and <= 15 } || !text.All(char.IsAsciiDigit)
            || !long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds) || milliseconds > 253402300799999)
        {
            return false;
        }

        value = System.DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
        return true;
    }

    private sealed class GuidCodec : JsonCodec<Guid>
    {
        public override Guid Read(ref Utf8JsonReader reader) =>
            reader.TokenType == JsonTokenType.String && reader.TryGetGuid(out var value) ? value : throw JsonReading.Unexpected(ref reader, "a UUID string");

        public override void Write(Utf8JsonWriter writer, Guid value) => writer.WriteStringValue(value);
    }

    private sealed class Base64Codec : JsonCodec<byte[]>
    {
        public override byte[] Read(ref Utf8JsonReader reader) =>
            reader.TokenType == JsonTokenType.String && reader.TryGetBytesFromBase64(out var value) ? value! : throw JsonReading.Unexpected(ref reader, "a base64 string");

        public override void Write(Utf8JsonWriter writer, byte[] value) => writer.WriteBase64StringValue(value);
    }

    private sealed class ElementCodec : JsonCodec<JsonElement>
    {
        public override JsonElement Read(ref Utf8JsonReader reader) => JsonElement.ParseValue(ref reader);

        public override void Write(Utf8JsonWriter writer, JsonElement value)
        {
            if (value.ValueKind == JsonValueKind.Undefined)
            {
                writer.WriteNullValue();
            }
            else
            {
                value.WriteTo(writer);
            }
        }
    }
}
