using System.Text.Json;
using System.Text.Json.Nodes;
using CrmSdkGen.Runtime.Diff;

namespace CrmSdkGen.Runtime.Tests.Diff;

/// <summary>
/// Malformed patches and pointers fail with one exception type that names the operation and the pointer, instead of
/// editing another place; <c>test</c> compares as RFC 6902 says unless the semantic comparison is asked for by name.
/// </summary>
public sealed class JsonPatchStrictnessTests
{
    private static JsonNode? Apply(string document, string patch, JsonPatchTest test = JsonPatchTest.Rfc6902) =>
        JsonPatchApplier.Apply(JsonNode.Parse(document), JsonDocument.Parse(patch).RootElement, test);

    [Theory]
    [InlineData("""{"foo":{"bar":1}}""", """[{"op":"replace","path":"xfoo/bar","value":2}]""", 0, "xfoo/bar", "must be empty or start with '/'")]
    [InlineData("""{"a":[1,2,3]}""", """[{"op":"add","path":"/b","value":1},{"op":"remove","path":"/a/01"}]""", 1, "/a/01", "does not exist")]
    [InlineData("""{"a":[1,2,3]}""", """[{"op":"add","path":"/a/00","value":0}]""", 0, "/a/00", "names no place in the array")]
    [InlineData("""{"a":1}""", """[{"op":"test","path":"/a"}]""", 0, "/a", "has no value")]
    [InlineData("""{"a":1}""", """[{"op":"remove","path":"/a~2"}]""", 0, "/a~2", "'~' in 'a~2' must be followed by 0 or 1")]
    [InlineData("""{"a":[1]}""", """[{"op":"remove","path":"/a/-1"}]""", 0, "/a/-1", "does not exist")]
    [InlineData("""{"a":{"b":1}}""", """[{"op":"move","from":"/a","path":"/a/b/c"}]""", 0, "/a", "moves a location into itself")]
    [InlineData("""{"a":1}""", """[{"op":"copy","path":"/b"}]""", 0, "/b", "has no from")]
    [InlineData("""{"a":1}""", """[{"op":"merge","path":"/a"}]""", 0, "/a", "is not an operation RFC 6902 defines")]
    [InlineData("""{"a":1}""", """[{"op":"add","path":"/a","value":2},{"op":"test","path":"/a","value":1}]""", 1, "/a", "failed")]
    public void A_bad_operation_fails_naming_its_index_and_pointer_and_the_document_is_left_alone(string document, string patch, int index, string pointer, string problem)
    {
        var original = JsonNode.Parse(document);
        var before = original!.ToJsonString();

        var failure = Assert.Throws<JsonPatchException>(() => JsonPatchApplier.Apply(original, JsonDocument.Parse(patch).RootElement));

        Assert.Equal(index, failure.OperationIndex);
        Assert.Equal(pointer, failure.Pointer);
        Assert.Contains(problem, failure.Message);
        Assert.Contains($"Operation {index} (", failure.Message);
        Assert.Equal(before, original.ToJsonString());
    }

    [Theory]
    [InlineData("""{"op":"add","path":"/a","value":1}""", "is not an array of operations", -1)]
    [InlineData("""[1]""", "is not an object", 0)]
    [InlineData("""[{"op":"add","path":"/a","value":1},{"op":1,"path":"/a"}]""", "'op' that is not a string", 1)]
    [InlineData("""[{"op":"add","path":null,"value":1}]""", "'path' that is not a string", 0)]
    [InlineData("""[{"op":"add","value":1}]""", "has no path", 0)]
    public void A_patch_that_is_not_one_fails_with_the_same_exception_type(string patch, string problem, int index)
    {
        var failure = Assert.Throws<JsonPatchException>(() => Apply("""{"a":0}""", patch));

        Assert.Contains(problem, failure.Message);
        Assert.Equal(index, failure.OperationIndex);
    }

    [Fact]
    public void Test_compares_strings_by_their_characters_unless_the_semantic_comparison_is_named()
    {
        const string document = """{"at":"2024-01-02T03:04:05Z","n":1}""";
        const string patch = """[{"op":"test","path":"/at","value":"2024-01-02T05:04:05+02:00"}]""";

        Assert.Throws<JsonPatchException>(() => Apply(document, patch));
        Assert.NotNull(Apply(document, patch, JsonPatchTest.Semantic));
        Assert.NotNull(Apply(document, """[{"op":"test","path":"/n","value":1.0},{"op":"test","path":"/at","value":"2024-01-02T03:04:05Z"}]"""));
        Assert.NotNull(Apply("""{"s":"\u00e9"}""", """[{"op":"test","path":"/s","value":"é"}]"""));
    }

    [Fact]
    public void Test_of_a_null_value_needs_a_null_and_not_a_missing_value()
    {
        Assert.NotNull(Apply("""{"a":null}""", """[{"op":"test","path":"/a","value":null}]"""));
        Assert.Throws<JsonPatchException>(() => Apply("""{"a":null}""", """[{"op":"test","path":"/a"}]"""));
        Assert.Throws<JsonPatchException>(() => Apply("""{}""", """[{"op":"test","path":"/a","value":null}]"""));
    }

    [Theory]
    // RFC 7396, Appendix A: target, patch, result.
    [InlineData("""{"a":"b"}""", """{"a":"c"}""", """{"a":"c"}""")]
    [InlineData("""{"a":"b"}""", """{"b":"c"}""", """{"a":"b","b":"c"}""")]
    [InlineData("""{"a":"b"}""", """{"a":null}""", """{}""")]
    [InlineData("""{"a":"b","b":"c"}""", """{"a":null}""", """{"b":"c"}""")]
    [InlineData("""{"a":["b"]}""", """{"a":"c"}""", """{"a":"c"}""")]
    [InlineData("""{"a":"c"}""", """{"a":["b"]}""", """{"a":["b"]}""")]
    [InlineData("""{"a":{"b":"c"}}""", """{"a":{"b":"d","c":null}}""", """{"a":{"b":"d"}}""")]
    [InlineData("""{"a":[{"b":"c"}]}""", """{"a":[1]}""", """{"a":[1]}""")]
    [InlineData("""["a","b"]""", """["c","d"]""", """["c","d"]""")]
    [InlineData("""{"a":"b"}""", """["c"]""", """["c"]""")]
    [InlineData("""{"a":"foo"}""", "null", "null")]
    [InlineData("""{"a":"foo"}""", "\"bar\"", "\"bar\"")]
    [InlineData("""{"e":null}""", """{"a":1}""", """{"e":null,"a":1}""")]
    [InlineData("""[1,2]""", """{"a":"b","c":null}""", """{"a":"b"}""")]
    [InlineData("""{}""", """{"a":{"bb":{"ccc":null}}}""", """{"a":{"bb":{}}}""")]
    public void The_RFC_7396_appendix_examples_merge_as_the_RFC_says(string target, string patch, string result)
    {
        var merged = JsonPatchApplier.ApplyMergePatch(JsonNode.Parse(target), JsonNode.Parse(patch));

        Assert.True(JsonEquality.AreEqualAsJson(JsonDocument.Parse(merged?.ToJsonString() ?? "null").RootElement, JsonDocument.Parse(result).RootElement), merged?.ToJsonString());
    }
}
