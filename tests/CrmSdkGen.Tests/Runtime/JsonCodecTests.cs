using System.Text;
using System.Text.Json;
using CrmSdkGen.Runtime.Json;

namespace CrmSdkGen.Tests.Runtime;

public sealed class JsonCodecTests
{
    [Fact]
    public void Primitives_round_trip()
    {
        Assert.Equal("\"caf\\u00E9\"", Write("café", JsonCodecs.String));
        Assert.Equal(123456789012L, Read("123456789012", JsonCodecs.Int64));
        Assert.Equal(0.1m, Read("0.1", JsonCodecs.Decimal));
        Assert.Equal(new DateOnly(2024, 2, 29), Read("\"2024-02-29\"", JsonCodecs.DateOnly));
        Assert.Equal("\"2024-02-29\"", Write(new DateOnly(2024, 2, 29), JsonCodecs.DateOnly));
        Assert.Equal([1, 2, 3], Read("\"AQID\"", JsonCodecs.Base64));
        Assert.Equal(JsonValueKind.Array, Read("[1,{\"a\":null}]", JsonCodecs.Element).ValueKind);
    }

    [Theory]
    [InlineData("\"2024-01-02T03:04:05Z\"")]
    [InlineData("\"2024-01-02t03:04:05z\"")]
    [InlineData("\"2024-01-02T05:04:05+02:00\"")]
    public void Date_times_accept_every_RFC_3339_form(string json) =>
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero), Read(json, JsonCodecs.DateTimeOffset).ToUniversalTime());

    [Fact]
    public void A_value_of_the_wrong_kind_is_a_JsonException_that_says_what_was_expected()
    {
        var error = Assert.ThrowsAny<JsonException>(() => Read("null", JsonCodecs.String));
        Assert.Contains("Expected a string but found null", error.Message);
        Assert.ThrowsAny<JsonException>(() => Read("3000000000", JsonCodecs.Int32));
        Assert.ThrowsAny<JsonException>(() => Read("\"2024-13-01\"", JsonCodecs.DateOnly));
    }

    [Fact]
    public void Collections_and_nullable_items_round_trip()
    {
        var codec = new DictionaryCodec<IList<int?>>(new ListCodec<int?>(new NullableValueCodec<int>(JsonCodecs.Int32)));
        const string json = "{\"a\":[1,null,3],\"b\":[]}";

        var value = Read(json, codec);

        Assert.Equal([1, null, 3], value["a"]);
        Assert.Equal(json, Write(value, codec));
    }

    private enum Priority : long
    {
        Low = 1,
    }

    [Fact]
    public void Integer_enums_keep_values_the_spec_does_not_list()
    {
        var unknown = Read("7", Int64EnumCodec<Priority>.Instance);

        Assert.Equal(Priority.Low, Read("1", Int64EnumCodec<Priority>.Instance));
        Assert.Equal(7L, (long)unknown);
        Assert.Equal("7", Write(unknown, Int64EnumCodec<Priority>.Instance));
    }

    [Fact]
    public void Property_sets_track_more_than_sixty_four_properties()
    {
        var set = default(PropertySet);
        set.Mark(3);
        set.Mark(64);
        set.Mark(200);
        set.Unmark(3);

        Assert.False(set.Has(3));
        Assert.True(set.Has(64));
        Assert.True(set.Has(200));
        Assert.False(set.Has(199));
        Assert.False(set.Has(1000));
    }

    private static T Read<T>(string json, JsonCodec<T> codec) => JsonModel.Parse(Encoding.UTF8.GetBytes(json), codec);

    private static string Write<T>(T value, JsonCodec<T> codec) => Encoding.UTF8.GetString(JsonModel.ToUtf8(value, codec));
}
