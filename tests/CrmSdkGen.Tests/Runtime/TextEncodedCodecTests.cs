using System.Text;
using System.Text.Json;
using CrmSdkGen.Runtime.Json;

namespace CrmSdkGen.Tests.Runtime;

/// <summary>
/// Numbers and booleans a CRM sends as text (HubSpot's property values) are read from their text or their plain token,
/// written back as text, and "" reads as no value where the member may be null; dates read the forms CRMs send.
/// </summary>
public sealed class TextEncodedCodecTests
{
    [Theory]
    [InlineData("\"42\"", 42L)]
    [InlineData("42", 42L)]
    [InlineData("\"-7\"", -7L)]
    [InlineData("\"\\u0034\\u0032\"", 42L)]
    [InlineData("\" 42\"", 42L)]
    public void Integers_are_read_from_text_or_number(string json, long expected)
    {
        Assert.Equal(expected, Read(json, JsonCodecs.Int64Text));
        Assert.Equal((int)expected, Read(json, JsonCodecs.Int32Text));
    }

    [Theory]
    [InlineData("\"1250.50\"", "1250.50")]
    [InlineData("1250.5", "1250.5")]
    [InlineData("\"1e3\"", "1000")]
    [InlineData("\"-0.25\"", "-0.25")]
    public void Decimals_keep_their_digits(string json, string expected) =>
        Assert.Equal(expected, Read(json, JsonCodecs.DecimalText).ToString(System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("\"true\"", true)]
    [InlineData("\"False\"", false)]
    [InlineData("true", true)]
    [InlineData("false", false)]
    public void Booleans_are_read_from_text_or_token(string json, bool expected) => Assert.Equal(expected, Read(json, JsonCodecs.BooleanText));

    [Fact]
    public void Values_are_written_as_text_in_the_invariant_culture()
    {
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            Assert.Equal("\"1250.50\"", Write(1250.50m, JsonCodecs.DecimalText));
            Assert.Equal("\"0.1\"", Write(0.1, JsonCodecs.DoubleText));
            Assert.Equal("\"-3\"", Write(-3, JsonCodecs.Int32Text));
            Assert.Equal("\"9007199254740993\"", Write(9007199254740993L, JsonCodecs.Int64Text));
            Assert.Equal("\"true\"", Write(true, JsonCodecs.BooleanText));
            Assert.Equal("\"false\"", Write(false, JsonCodecs.BooleanText));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }
    }

    [Theory]
    [InlineData("\"forty\"")]
    [InlineData("\"42x\"")]
    [InlineData("\"4 2\"")]
    [InlineData("{}")]
    [InlineData("\"\"")]
    public void Text_that_is_no_number_fails_saying_what_was_expected(string json)
    {
        var failure = Assert.ThrowsAny<JsonException>(() => Read(json, JsonCodecs.Int64Text));
        Assert.Contains("a 64-bit integer or its text", failure.Message, StringComparison.Ordinal);
        Assert.ThrowsAny<JsonException>(() => Read(json, JsonCodecs.DecimalText));
        Assert.ThrowsAny<JsonException>(() => Read(json, JsonCodecs.BooleanText));
    }

    [Fact]
    public void Empty_text_is_no_value_where_the_value_may_be_null()
    {
        var nullable = new NullableValueCodec<decimal>(JsonCodecs.DecimalText);
        Assert.Null(Read("\"\"", nullable));
        Assert.Null(Read("null", nullable));
        Assert.Equal(5m, Read("\"5\"", nullable));
        Assert.Null(Read("\"\"", new NullableValueCodec<bool>(JsonCodecs.BooleanText)));
        Assert.Null(ReadMember("{\"n\":\"\"}", JsonCodecs.Int64Text));
        Assert.Equal(3L, ReadMember("{\"n\":\"3\"}", JsonCodecs.Int64Text));

        // A plain codec keeps refusing "": only text-encoded values read it as absent.
        Assert.ThrowsAny<JsonException>(() => ReadMember("{\"n\":\"\"}", JsonCodecs.Int64));
    }

    [Theory]
    [InlineData("\"2027-01-31\"")]
    [InlineData("\"2027-01-31T00:00:00Z\"")]
    [InlineData("\"2027-01-31T00:00:00.000Z\"")]
    [InlineData("\"1801353600000\"")]
    [InlineData("\"2027-01-31T00:00:00+02:00\"")]
    public void Dates_are_read_from_the_forms_crms_send(string json) =>
        Assert.Equal(new DateOnly(2027, 1, 31), Read(json, JsonCodecs.DateOnly));

    [Fact]
    public void Instants_given_as_unix_milliseconds_text_are_read_and_other_digits_are_refused()
    {
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1801353600000), Read("\"1801353600000\"", JsonCodecs.DateTimeOffset));
        Assert.ThrowsAny<JsonException>(() => Read("\"99999999999999999999\"", JsonCodecs.DateTimeOffset));
        Assert.ThrowsAny<JsonException>(() => Read("\"2027-13-01\"", JsonCodecs.DateOnly));
        Assert.ThrowsAny<JsonException>(() => Read("\"-5\"", JsonCodecs.DateOnly));
        Assert.ThrowsAny<JsonException>(() => Read("\"20270131\"", JsonCodecs.DateOnly));
    }

    private static T Read<T>(string json, JsonCodec<T> codec) => JsonModel.Parse(Encoding.UTF8.GetBytes(json), codec);

    private static string Write<T>(T value, JsonCodec<T> codec) => Encoding.UTF8.GetString(JsonModel.ToUtf8(value, codec));

    private static T? ReadMember<T>(string json, JsonCodec<T> codec)
        where T : struct
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        reader.Read();
        return JsonReading.ReadNullableValue(ref reader, codec);
    }
}
