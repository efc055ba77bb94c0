using System.Text.Json;
using System.Text.Json.Nodes;
using CrmSdkGen.Runtime.Diff;

namespace CrmSdkGen.Tests.Runtime;

/// <summary>apply(a, diff(a, b)) == b for generated record pairs, and the shape of the patches on cases checked by hand.</summary>
public sealed class JsonDiffTests
{
    private const int Pairs = 1000;

    [Fact]
    public void Applying_the_JSON_Patch_of_a_and_b_to_a_gives_b()
    {
        var random = new Random(20261128);
        var operations = new Dictionary<string, int>();
        for (var i = 0; i < Pairs; i++)
        {
            var (a, b) = RecordPairs.Next(random, withNulls: true);

            var patch = JsonDiff.Patch(a, b);
            foreach (var operation in patch)
            {
                operations[operation.Op] = operations.GetValueOrDefault(operation.Op) + 1;
            }

            var applied = JsonPatchApplier.Apply(JsonNode.Parse(a.GetRawText()), patch);

            Assert.True(SameJson(applied, b), $"pair {i}:\na = {a}\nb = {b}\npatch = {JsonDiff.ToJson(patch)}\napplied = {applied?.ToJsonString()}");
        }

        // The generated pairs exercise every operation the diff emits.
        Assert.All(new[] { "add", "remove", "replace", "move" }, op => Assert.True(operations.GetValueOrDefault(op) >= 10, $"{op}: {operations.GetValueOrDefault(op)}"));
    }

    [Fact]
    public void Applying_the_merge_patch_of_a_and_b_to_a_gives_b()
    {
        // RFC 7396 cannot set a member to null, so these records have none.
        var random = new Random(1128);
        for (var i = 0; i < Pairs; i++)
        {
            var (a, b) = RecordPairs.Next(random, withNulls: false);

            var patch = JsonDiff.MergePatch(a, b);
            var applied = patch is null ? JsonNode.Parse(a.GetRawText()) : JsonPatchApplier.ApplyMergePatch(JsonNode.Parse(a.GetRawText()), patch);

            Assert.True(SameJson(applied, b), $"pair {i}:\na = {a}\nb = {b}\npatch = {patch?.ToJsonString()}");
        }
    }

    [Fact]
    public void Equal_meaning_gives_no_operations_whatever_the_spelling()
    {
        var a = Json("""{"id":"1","amount":1,"at":"2024-01-02T03:04:05Z","tags":["x"],"address":{"city":"Paris","zip":"75001"}}""");
        var b = Json("""{"address":{"zip":"75001","city":"Paris"},"tags":["x"],"at":"2024-01-02T04:04:05+01:00","amount":1.0,"id":"1"}""");

        Assert.Empty(JsonDiff.Patch(a, b));
        Assert.Null(JsonDiff.MergePatch(a, b));
    }

    [Fact]
    public void Keyed_array_items_are_matched_by_key_so_an_insertion_is_one_add()
    {
        var a = Json("""{"lines":[{"id":"a","qty":1},{"id":"b","qty":2}]}""");
        var b = Json("""{"lines":[{"id":"new","qty":9},{"id":"a","qty":1},{"id":"b","qty":3}]}""");

        var patch = JsonDiff.ToJson(JsonDiff.Patch(a, b));

        Assert.Equal("""[{"op":"add","path":"/lines/0","value":{"id":"new","qty":9}},{"op":"replace","path":"/lines/2/qty","value":3}]""", patch);
    }

    [Fact]
    public void Unkeyed_arrays_are_matched_by_position_and_members_are_added_removed_and_replaced()
    {
        var a = Json("""{"name":"Ada","old":true,"scores":[1,2,3]}""");
        var b = Json("""{"name":"Ada L","scores":[1,5],"new/field":null}""");

        var patch = JsonDiff.ToJson(JsonDiff.Patch(a, b, new JsonDiffOptions { ArrayItemKey = null }));
        var merge = JsonDiff.MergePatch(a, b)!.ToJsonString();

        Assert.Equal("""[{"op":"remove","path":"/old"},{"op":"replace","path":"/name","value":"Ada L"},{"op":"replace","path":"/scores/1","value":5},{"op":"remove","path":"/scores/2"},{"op":"add","path":"/new~1field","value":null}]""", patch);
        Assert.Equal("""{"old":null,"name":"Ada L","scores":[1,5],"new/field":null}""", merge);
    }

    private static bool SameJson(JsonNode? node, JsonElement expected)
    {
        using var document = JsonDocument.Parse(node?.ToJsonString() ?? "null");
        return JsonEquality.AreSemanticallyEqual(document.RootElement, expected);
    }

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;
}
