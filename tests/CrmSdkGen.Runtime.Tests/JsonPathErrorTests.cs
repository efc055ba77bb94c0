using System.Text.Json;
using Acme.Shapes.Models;
using CrmSdkGen.Runtime.Json;

namespace CrmSdkGen.Runtime.Tests;

/// <summary>A value that is not what the schema allows fails with the JSON path of that value and the model property it was read into.</summary>
public sealed class JsonPathErrorTests
{
    [Theory]
    [InlineData("""{"name":7,"owner":{"kind":"person","email":"a@b.c"}}""", "$.name", "expected a string but found a number (Deal.name)")]
    [InlineData("""{"name":"n","owner":{"kind":"person","email":"a@b.c"},"notes":[{"author":{"kind":"person","email":"a@b.c","tags":["x",{"y":1}]}}]}""", "$.notes[0].author.tags[1]", "expected a string but found an object (Person.tags)")]
    [InlineData("""{"name":"n","owner":{"kind":"person","email":"a@b.c"},"notes":[{"text":"t"},{"author":{"kind":"person","email":[]}}]}""", "$.notes[1].author.email", "expected a string but found an array (Person.email)")]
    [InlineData("""{"name":"n","owner":{"kind":"person","email":"a@b.c"},"stages":[["lead"],["won",3]]}""", "$.stages[1][1]", "expected a string but found a number (Deal.stages)")]
    [InlineData("""{"name":"n","owner":{"kind":"person","email":"a@b.c"},"contacts":{"key with space":{"kind":"person","email":true}}}""", "$.contacts['key with space'].email", "expected a string but found a boolean (Person.email)")]
    [InlineData("""{"name":"n","owner":{"kind":"person","email":"a@b.c"},"scores":{"fit":"high"}}""", "$.scores.fit", "(Deal.scores)")]
    [InlineData("""{"name":"n","owner":{"kind":"person","email":"a@b.c"},"notes":[{"author":{"kind":"person"}}]}""", "$.notes[0].author", "required property 'email'")]
    public void A_wrong_value_names_its_path_and_property(string json, string path, string reason)
    {
        var error = Assert.ThrowsAny<JsonException>(() => JsonModel.Parse<Deal>(json));

        Assert.Equal(path, error.Path);
        Assert.StartsWith(path + ": ", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("at byte", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_top_level_value_keeps_its_byte_offset()
    {
        var error = Assert.ThrowsAny<JsonException>(() => JsonModel.Parse<Deal>("[1]"));

        Assert.Equal("Expected a JSON object for Deal but found an array at byte 0.", error.Message);
    }

    [Fact]
    public void Malformed_json_inside_a_property_is_located_too()
    {
        var error = Assert.ThrowsAny<JsonException>(() => JsonModel.Parse<Deal>("""{"name":"n","notes":[{"text":tru}]}"""));

        Assert.Equal("$.notes[0].text", error.Path);
    }
}
