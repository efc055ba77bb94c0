using System.Text;
using System.Text.Json;
using CrmSdkGen.Runtime.Json;

namespace CrmSdkGen.Tests.Runtime;

/// <summary>
/// Lists a CRM sends as one string of items joined by a separator (HubSpot's multiple checkboxes, "golf;chess";
/// Pipedrive v1's sets of option ids, "31,32") are read item by item with the item's codec and written back joined.
/// </summary>
public sealed class DelimitedListCodecTests
{
    private static readonly DelimitedListCodec<string> Values = new(JsonCodecs.String, ";");
    private static readonly DelimitedListCodec<long> OptionIds = new(JsonCodecs.Int64Text, ",");

    [Theory]
    [InlineData("\"golf;chess\"", "golf|chess")]
    [InlineData("\"golf\"", "golf")]
    [InlineData("\"golf;;chess\"", "golf||chess")]
    [InlineData("\"caf\\u00e9;\\\"quoted\\\"\"", "café|\"quoted\"")]
    [InlineData("[\"golf\",\"chess\"]", "golf|chess")]
    [InlineData("\"\"", "")]
    public void Text_is_split_at_the_separator_and_an_array_is_read_as_well(string json, string expected) =>
        Assert.Equal(expected, string.Join("|", Read(json, Values)));

    [Fact]
    public void Each_item_is_read_by_its_own_codec_and_a_bad_one_is_located()
    {
        Assert.Equal([31L, 32L], Read("\"31,32\"", OptionIds));
        Assert.Equal([31L, 32L], Read("[31,\"32\"]", OptionIds));

        var failure = Assert.ThrowsAny<JsonException>(() => Read("\"31,red\"", OptionIds));
        Assert.Contains("[1]", failure.Message, StringComparison.Ordinal);
        Assert.Contains("a 64-bit integer or its text", failure.Message, StringComparison.Ordinal);
        Assert.ThrowsAny<JsonException>(() => Read("31", OptionIds));
    }

    [Fact]
    public void Lists_are_written_as_one_string_joined_by_the_separator()
    {
        Assert.Equal("\"golf;chess\"", Write(["golf", "chess"], Values));
        Assert.Equal("\"31,32\"", Write([31L, 32L], OptionIds));
        Assert.Equal("\"\"", Write([], Values));
        Assert.Equal("\"caf\\u00E9\"", Write(["café"], Values));
    }

    [Fact]
    public void An_item_holding_the_separator_is_refused_rather_than_sent_as_two()
    {
        var failure = Assert.Throws<ArgumentException>(() => Write(["golf", "a;b"], Values));
        Assert.Contains("Item 1", failure.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new DelimitedListCodec<string>(JsonCodecs.String, ""));
    }

    private static IList<T> Read<T>(string json, JsonCodec<IList<T>> codec) => JsonModel.Parse(Encoding.UTF8.GetBytes(json), codec);

    private static string Write<T>(List<T> value, JsonCodec<IList<T>> codec) => Encoding.UTF8.GetString(JsonModel.ToUtf8<IList<T>>(value, codec));
}
