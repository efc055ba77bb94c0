using System.Text.Json;
using CrmSdkGen.Runtime.Auth;
using CrmSdkGen.Runtime.Diff;
using CrmSdkGen.Runtime.Sync;

namespace CrmSdkGen.Tests.Runtime;

/// <summary>The edges of conflict resolution: escaped member names, a value against an object, removals against changes, deletes on both sides, and what a conflict reports.</summary>
public sealed class ConflictEdgeTests
{
    [Theory]
    [InlineData("""{"id":"1","a/b~c":"x"}""", """{"id":"1","a/b~c":"local"}""", """{"id":"1","a/b~c":"crm"}""", """{"id":"1","a/b~c":"crm"}""", "/a~1b~0c")]
    [InlineData("""{"id":"1","address":{"city":"London"}}""", """{"id":"1","address":"somewhere"}""", """{"id":"1","address":{"city":"Paris"}}""", """{"id":"1","address":{"city":"Paris"}}""", "/address")]
    [InlineData("""{"id":"1","phone":"+44"}""", """{"id":"1"}""", """{"id":"1","phone":"+33"}""", """{"id":"1","phone":"+33"}""", "/phone")]
    [InlineData("""{"id":"1","phone":"+44"}""", """{"id":"1","phone":"+1"}""", """{"id":"1"}""", """{"id":"1"}""", "/phone")]
    public async Task A_field_changed_on_both_sides_is_reported_at_its_JSON_Pointer_and_the_CRM_s_side_is_kept(string @base, string local, string remote, string expected, string pointer)
    {
        var (store, engine, crm) = await SyncedAsync(@base);
        await engine.SaveLocalAsync("1", Json(local));
        crm.Records["1"] = Json(remote);

        var result = await engine.PullAsync();

        var conflict = Assert.Single(result.Conflicts);
        Assert.Equal([pointer], conflict.Fields);
        Assert.Equal(ConflictPolicy.FieldMerge, conflict.Policy);
        var kept = (await store.GetAsync("1"))!.Local!.Value;
        Assert.True(JsonEquality.AreSemanticallyEqual(Json(expected), kept), kept.GetRawText());
        Assert.True(JsonEquality.AreSemanticallyEqual(kept, conflict.Resolved!.Value), conflict.Resolved.Value.GetRawText());
    }

    [Fact]
    public async Task A_record_deleted_on_both_sides_is_no_conflict_and_is_gone()
    {
        var (store, engine, crm) = await SyncedAsync("""{"id":"1","name":"Ada"}""");
        await engine.DeleteLocalAsync("1");
        crm.Records.Remove("1");

        var result = await engine.PullAsync();

        Assert.Empty(result.Conflicts);
        Assert.Null(await store.GetAsync("1"));
        Assert.Empty(await store.GetPendingAsync());
    }

    [Fact]
    public async Task A_record_deleted_locally_and_changed_in_the_CRM_comes_back()
    {
        var (store, engine, crm) = await SyncedAsync("""{"id":"1","name":"Ada"}""");
        await engine.DeleteLocalAsync("1");
        crm.Records["1"] = Json("""{"id":"1","name":"Ada Lovelace"}""");

        var result = await engine.PullAsync();

        var conflict = Assert.Single(result.Conflicts);
        Assert.Null(conflict.Local);
        var back = (await store.GetAsync("1"))!;
        Assert.Equal("Ada Lovelace", back.Local!.Value.GetProperty("name").GetString());
        Assert.Equal(PendingChange.None, back.Pending);
    }

    [Fact]
    public async Task A_custom_resolver_sees_its_policy_and_what_a_field_merge_would_keep()
    {
        var crm = new MemoryCrm();
        crm.Records["1"] = Json("""{"id":"1","name":"Ada","city":"London"}""");
        var store = new InMemorySyncStore();
        SyncConflict? seen = null;
        var engine = new SyncEngine(crm, store, new SyncOptions
        {
            Conflicts = ConflictPolicy.Custom,
            Resolver = conflict =>
            {
                seen = conflict;
                return conflict.Local;
            },
        });
        await engine.PullAsync();
        await engine.SaveLocalAsync("1", Json("""{"id":"1","name":"Augusta","city":"London"}"""));
        crm.Records["1"] = Json("""{"id":"1","name":"Ada","city":"Paris"}""");

        var result = await engine.PullAsync();

        Assert.NotNull(seen);
        Assert.Equal(ConflictPolicy.Custom, seen.Policy);
        Assert.True(JsonEquality.AreSemanticallyEqual(Json("""{"id":"1","name":"Augusta","city":"Paris"}"""), seen.Resolved!.Value), seen.Resolved.Value.GetRawText());
        var reported = Assert.Single(result.Conflicts);
        Assert.Equal(ConflictPolicy.Custom, reported.Policy);
        Assert.Equal("London", reported.Resolved!.Value.GetProperty("city").GetString());
    }

    [Fact]
    public async Task The_custom_policy_without_a_resolver_is_refused_with_the_reason()
    {
        var crm = new MemoryCrm();
        crm.Records["1"] = Json("""{"id":"1","name":"Ada"}""");
        var store = new InMemorySyncStore();
        var engine = new SyncEngine(crm, store, new SyncOptions { Conflicts = ConflictPolicy.Custom });
        await engine.PullAsync();
        await engine.SaveLocalAsync("1", Json("""{"id":"1","name":"Augusta"}"""));
        crm.Records["1"] = Json("""{"id":"1","name":"Grace"}""");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => engine.PullAsync());

        Assert.Contains("ConflictPolicy.Custom", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Credentials_refuse_missing_parts()
    {
        Assert.Throws<ArgumentNullException>(() => new BasicCredential(null!, "secret"));
        Assert.Throws<ArgumentNullException>(() => new BasicCredential("ada", null!));
        Assert.Throws<ArgumentNullException>(() => new BearerTokenCredential((string)null!));
    }

    private static async Task<(InMemorySyncStore Store, SyncEngine Engine, MemoryCrm Crm)> SyncedAsync(string record)
    {
        var crm = new MemoryCrm();
        crm.Records["1"] = Json(record);
        var store = new InMemorySyncStore();
        var engine = new SyncEngine(crm, store);
        await engine.PullAsync();
        return (store, engine, crm);
    }

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();
}
