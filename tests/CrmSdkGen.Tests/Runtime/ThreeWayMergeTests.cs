using System.Text.Json;
using CrmSdkGen.Runtime.Diff;
using CrmSdkGen.Runtime.Sync;

namespace CrmSdkGen.Tests.Runtime;

/// <summary>How a field merge brings a local and a remote change of one record together, member by member.</summary>
public sealed class ThreeWayMergeTests
{
    private const string Base = """{"id":"1","name":"Ada","address":{"city":"London","country":"GB"},"tags":["a"],"score":1}""";

    [Theory]
    [InlineData("""{"id":"1","name":"Ada","address":{"city":"Paris","country":"GB"},"tags":["a"],"score":1}""",
                """{"id":"1","name":"Ada","address":{"city":"London","country":"FR"},"tags":["a"],"score":1}""",
                """{"id":"1","name":"Ada","address":{"city":"Paris","country":"FR"},"tags":["a"],"score":1}""", "")]
    [InlineData("""{"id":"1","name":"Ada","address":{"city":"London","country":"GB"},"tags":["a","b"],"score":1}""",
                """{"id":"1","name":"Ada","address":{"city":"London","country":"GB"},"tags":["a","c"],"score":1}""",
                """{"id":"1","name":"Ada","address":{"city":"London","country":"GB"},"tags":["a","c"],"score":1}""", "/tags")]
    [InlineData("""{"id":"1","name":"Ada","address":{"city":"London","country":"GB"},"tags":["a"],"score":1,"phone":"+44"}""",
                """{"id":"1","address":{"city":"London","country":"GB"},"tags":["a"],"score":1.0,"email":"ada@example.com"}""",
                """{"id":"1","address":{"city":"London","country":"GB"},"tags":["a"],"score":1.0,"email":"ada@example.com","phone":"+44"}""", "")]
    [InlineData("""{"id":"1","name":"Augusta","address":{"city":"London","country":"GB"},"tags":["a"],"score":1}""",
                """{"id":"1","address":{"city":"London","country":"GB"},"tags":["a"],"score":1}""",
                """{"id":"1","address":{"city":"London","country":"GB"},"tags":["a"],"score":1}""", "/name")]
    public async Task A_field_merge_takes_each_side_s_changes_and_the_CRM_s_value_where_both_changed_a_field(string local, string remote, string expected, string conflicting)
    {
        var (store, engine, crm) = await SyncedAsync();
        await engine.SaveLocalAsync("1", Json(local));
        crm.Records["1"] = Json(remote);

        var result = await engine.PullAsync();

        var conflict = Assert.Single(result.Conflicts);
        Assert.Equal(conflicting.Length == 0 ? [] : new[] { conflicting }, conflict.Fields);
        var merged = (await store.GetAsync("1"))!;
        Assert.True(JsonEquality.AreSemanticallyEqual(Json(expected), merged.Local!.Value), merged.Local.Value.GetRawText());
        Assert.Equal(JsonEquality.AreSemanticallyEqual(merged.Local.Value, merged.Base!.Value) ? PendingChange.None : PendingChange.Update, merged.Pending);
    }

    [Fact]
    public async Task The_same_change_on_both_sides_is_no_conflict_and_leaves_nothing_to_push()
    {
        var (store, engine, crm) = await SyncedAsync();
        const string Changed = """{"id":"1","name":"Ada Lovelace","address":{"city":"London","country":"GB"},"tags":["a"],"score":1}""";
        await engine.SaveLocalAsync("1", Json(Changed));
        crm.Records["1"] = Json(Changed);

        var result = await engine.PullAsync();

        Assert.Empty(result.Conflicts);
        Assert.Empty(await store.GetPendingAsync());
    }

    private static async Task<(InMemorySyncStore Store, SyncEngine Engine, MemoryCrm Crm)> SyncedAsync()
    {
        var crm = new MemoryCrm();
        crm.Records["1"] = Json(Base);
        var store = new InMemorySyncStore();
        var engine = new SyncEngine(crm, store);
        await engine.PullAsync();
        return (store, engine, crm);
    }

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();
}
