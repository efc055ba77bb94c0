using System.Text.Json;
using System.Text.Json.Nodes;
using CrmSdkGen.Runtime.Diff;
using CrmSdkGen.Runtime.Sync;

namespace CrmSdkGen.Tests.Runtime;

/// <summary>S(t+1) = S(t) + ΔS(t), and ΔS1 then ΔS2 is one ΔS, on generated states of keyed records.</summary>
public sealed class ChangeSetTests
{
    [Fact]
    public void Applying_the_change_set_between_two_states_to_the_first_gives_the_second_and_composition_is_sequencing()
    {
        var random = new Random(4242);
        for (var round = 0; round < 300; round++)
        {
            var s0 = State(random, null);
            var s1 = State(random, s0);
            var s2 = State(random, s1);
            var d1 = ChangeSet.Between(s0, s1);
            var d2 = ChangeSet.Between(s1, s2);

            Assert.True(Same(Applied(s0, d1), s1), $"round {round}: S0 + ΔS1 is not S1");
            Assert.True(Same(Applied(s0, d1.Then(d2)), s2), $"round {round}: S0 + (ΔS1 then ΔS2) is not S2");
            Assert.True(d1.Then(d2).Changes.Count <= d1.Changes.Count + d2.Changes.Count);
        }
    }

    [Fact]
    public void Composition_follows_the_life_of_each_record()
    {
        var a = Json("""{"id":"a","v":1}""");
        var first = new ChangeSet([RecordChange.Created("a", a), RecordChange.Updated("b", [new JsonPatchOperation("replace", "/v", Value: Json("2"))]), RecordChange.Deleted("c")]);
        var second = new ChangeSet([RecordChange.Deleted("a"), RecordChange.Updated("b", [new JsonPatchOperation("replace", "/v", Value: Json("3"))]), RecordChange.Created("c", Json("""{"id":"c"}"""))]);

        var composed = first.Then(second);

        Assert.Equal(new[] { ("b", ChangeKind.Updated, 2), ("c", ChangeKind.Created, 0) }, composed.Changes.Select(change => (change.Key, change.Kind, change.Patch.Count)));
        Assert.Equal((0, 1, 1), (composed.DeletedCount, composed.UpdatedCount, composed.CreatedCount));
    }

    [Fact]
    public void An_update_of_a_record_the_state_does_not_hold_is_refused()
    {
        var change = new ChangeSet([RecordChange.Updated("missing", [new JsonPatchOperation("remove", "/v")])]);

        Assert.Throws<InvalidOperationException>(() => change.ApplyTo(new Dictionary<string, JsonNode?>()));
    }

    private static Dictionary<string, JsonElement> State(Random random, Dictionary<string, JsonElement>? previous)
    {
        var state = new Dictionary<string, JsonElement>();
        var keys = previous?.Keys.ToList() ?? Enumerable.Range(0, random.Next(3, 8)).Select(i => "k" + i).ToList();
        foreach (var key in keys)
        {
            if (random.Next(6) == 0)
            {
                continue;
            }

            state[key] = previous is not null && random.Next(2) == 0 ? previous[key] : RecordPairs.Next(random, withNulls: true).B;
        }

        for (var i = 0; i < random.Next(3); i++)
        {
            state["new" + random.Next(100)] = RecordPairs.Next(random, withNulls: true).A;
        }

        return state;
    }

    private static Dictionary<string, JsonNode?> Applied(Dictionary<string, JsonElement> state, ChangeSet changes)
    {
        var nodes = state.ToDictionary(pair => pair.Key, pair => JsonNode.Parse(pair.Value.GetRawText()));
        changes.ApplyTo(nodes);
        return nodes;
    }

    private static bool Same(Dictionary<string, JsonNode?> actual, Dictionary<string, JsonElement> expected) =>
        actual.Count == expected.Count && expected.All(pair =>
            actual.TryGetValue(pair.Key, out var node) && JsonEquality.AreSemanticallyEqual(JsonDocument.Parse(node?.ToJsonString() ?? "null").RootElement, pair.Value));

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;
}
