using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using CrmSdkGen.Runtime.Diff;
using CrmSdkGen.Runtime.Sync;
using Xunit;

namespace CrmSdkGen.Testing.Sync;

/// <summary>
/// What every <see cref="ISyncStore"/> must do, as xUnit tests: derive a class in your test project, open your store in
/// <see cref="CreateStore"/>, and every test here runs against it. Records compare as JSON values (key order and number
/// spelling may change in storage, values may not).
/// </summary>
public abstract class SyncStoreContractTests : IAsyncLifetime
{
    private readonly List<ISyncStore> _opened = new();

    /// <summary>Opens a new, empty store; the suite lets go of it through <see cref="CloseStoreAsync"/>.</summary>
    protected abstract ISyncStore CreateStore();

    /// <summary>
    /// A new instance over the same storage as <paramref name="store"/>, which is closed first; a store without storage of
    /// its own (the in-memory one) is its own reopening, which is the default.
    /// </summary>
    protected virtual ISyncStore ReopenStore(ISyncStore store) => store;

    /// <summary>Lets go of a store the suite opened; disposes it by default.</summary>
    protected virtual ValueTask CloseStoreAsync(ISyncStore store) => StoreClosing.CloseAsync(store);

    /// <inheritdoc />
    public virtual Task InitializeAsync() => Task.CompletedTask;

    /// <inheritdoc />
    public virtual async Task DisposeAsync()
    {
        foreach (var store in _opened.Distinct())
        {
            await CloseStoreAsync(store);
        }
    }

    /// <summary>A commit stores records bases and its checkpoint together.</summary>
    [Fact]
    public async Task A_commit_stores_records_bases_and_its_checkpoint_together()
    {
        var store = Open();
        await store.CommitAsync(new SyncCommit().Put(SyncRecord.Synced("1", Json("""{"id":"1","name":"Ada"}"""))).Put(SyncRecord.Synced("2", Json("""{"id":"2"}"""))).SetCheckpoint("contacts", "t1"));
        await store.CommitAsync(new SyncCommit()
            .Put(new SyncRecord("1", Json("""{"id":"1","name":"Ada L"}"""), Json("""{"id":"1","name":"Ada"}"""), PendingChange.Update))
            .Remove("2")
            .SetCheckpoint("contacts", "t2"));

        var records = await store.GetAllAsync();
        var one = await store.GetAsync("1");

        Assert.Equal(new[] { "1" }, records.Keys);
        Assert.Equal("Ada L", records["1"].GetProperty("name").GetString());
        Assert.Equal("Ada", one!.Base!.Value.GetProperty("name").GetString());
        Assert.Equal(PendingChange.Update, one.Pending);
        Assert.Equal("t2", await store.GetCheckpointAsync("contacts"));
        Assert.Null(await store.GetAsync("2"));
    }

    /// <summary>A synced record is its own base and what was never stored reads as nothing.</summary>
    [Fact]
    public async Task A_synced_record_is_its_own_base_and_what_was_never_stored_reads_as_nothing()
    {
        var store = Open();
        await store.CommitAsync(new SyncCommit().Put(SyncRecord.Synced("1", Json("""{"id":"1","n":1}"""))).Remove("never-stored"));

        var synced = await store.GetAsync("1");

        Assert.Equal(PendingChange.None, synced!.Pending);
        AssertJson("""{"id":"1","n":1}""", synced.Local);
        AssertJson("""{"id":"1","n":1}""", synced.Base);
        Assert.Null(await store.GetAsync("missing"));
        Assert.Null(await store.GetCheckpointAsync("missing"));
        Assert.Empty(await store.GetPendingAsync());
        Assert.Empty(await store.GetManyAsync(["missing"]));
    }

    /// <summary>The outbox keeps the order of first local change and hides local deletes from the records.</summary>
    [Fact]
    public async Task The_outbox_keeps_the_order_of_first_local_change_and_hides_local_deletes_from_the_records()
    {
        var store = Open();
        await store.CommitAsync(new SyncCommit().Put(SyncRecord.Synced("a", Json("""{"id":"a"}"""))).Put(SyncRecord.Synced("b", Json("""{"id":"b"}"""))));
        await store.CommitAsync(new SyncCommit().Put(new SyncRecord("b", Json("""{"id":"b","x":1}"""), Json("""{"id":"b"}"""), PendingChange.Update)));
        await store.CommitAsync(new SyncCommit().Put(new SyncRecord("local-1", Json("""{"x":2}"""), null, PendingChange.Create)));
        await store.CommitAsync(new SyncCommit().Put(new SyncRecord("a", null, Json("""{"id":"a"}"""), PendingChange.Delete)));
        await store.CommitAsync(new SyncCommit().Put(new SyncRecord("b", Json("""{"id":"b","x":3}"""), Json("""{"id":"b"}"""), PendingChange.Update)));

        var outbox = await store.GetPendingAsync();

        Assert.Equal(new[] { "b", "local-1", "a" }, outbox.Select(row => row.Key));
        Assert.Equal(3, outbox[0].Local!.Value.GetProperty("x").GetInt32());
        Assert.Null(outbox[2].Local);
        Assert.Equal(new[] { "b", "local-1" }, (await store.GetAllAsync()).Keys.Order(StringComparer.Ordinal));
        Assert.Equal(new[] { "a" }, (await store.GetManyAsync(["a", "missing"])).Keys);
    }

    /// <summary>A pushed change leaves the outbox and a later change queues behind the others.</summary>
    [Fact]
    public async Task A_pushed_change_leaves_the_outbox_and_a_later_change_queues_behind_the_others()
    {
        var store = Open();
        await store.CommitAsync(new SyncCommit()
            .Put(new SyncRecord("a", Json("""{"id":"a","x":1}"""), Json("""{"id":"a"}"""), PendingChange.Update))
            .Put(new SyncRecord("b", Json("""{"id":"b","x":1}"""), Json("""{"id":"b"}"""), PendingChange.Update)));
        await store.CommitAsync(new SyncCommit().Put(SyncRecord.Synced("a", Json("""{"id":"a","x":1}"""))));
        await store.CommitAsync(new SyncCommit().Put(new SyncRecord("a", Json("""{"id":"a","x":2}"""), Json("""{"id":"a","x":1}"""), PendingChange.Update)));

        Assert.Equal(new[] { "b", "a" }, (await store.GetPendingAsync()).Select(row => row.Key));
    }

    /// <summary>Unseen keys are those a full listing has not reached leaving out local creations.</summary>
    [Fact]
    public async Task Unseen_keys_are_those_a_full_listing_has_not_reached_leaving_out_local_creations()
    {
        var store = Open();
        await store.CommitAsync(new SyncCommit()
            .Put(SyncRecord.Synced("1", Json("{}"))).Put(SyncRecord.Synced("2", Json("{}"))).Put(SyncRecord.Synced("3", Json("{}")))
            .Put(new SyncRecord("local-1", Json("{}"), null, PendingChange.Create))
            .MarkSeen("contacts", ["1", "9"]));
        await store.CommitAsync(new SyncCommit().MarkSeen("contacts", ["3"]));

        Assert.Equal(new[] { "2" }, await store.GetUnseenAsync("contacts"));

        await store.CommitAsync(new SyncCommit().ForgetSeen("contacts").MarkSeen("contacts", ["2"]));

        Assert.Equal(new[] { "1", "3" }, (await store.GetUnseenAsync("contacts")).Order(StringComparer.Ordinal));
    }

    /// <summary>Records come back as the same JSON values whatever they hold.</summary>
    [Fact]
    public async Task Records_come_back_as_the_same_JSON_values_whatever_they_hold()
    {
        const string Awkward = """{"id":"ü-1","name":"Zoë \"Z\" O'Brien\u0000\t","emoji":"🦀","big":12345678901234567890,"small":-0.000001,"nested":{"list":[1,"two",null,true,{"deep":[]}]},"empty":"","none":null}""";
        var store = Open();
        await store.CommitAsync(new SyncCommit().Put(SyncRecord.Synced("ü-1", Json(Awkward))).SetCheckpoint("contacts/ü", "token with spaces & ünïcode"));

        AssertJson(Awkward, (await store.GetAsync("ü-1"))!.Local);
        AssertJson(Awkward, (await store.GetAllAsync())["ü-1"]);
        Assert.Equal("token with spaces & ünïcode", await store.GetCheckpointAsync("contacts/ü"));
    }

    /// <summary>A large commit lands whole and reads back by key.</summary>
    [Fact]
    public async Task A_large_commit_lands_whole_and_reads_back_by_key()
    {
        var store = Open();
        var keys = Enumerable.Range(0, 2_000).Select(index => "k" + index).ToList();
        var commit = new SyncCommit();
        keys.ForEach(key => commit.Put(SyncRecord.Synced(key, Json($$"""{"id":"{{key}}"}"""))));
        await store.CommitAsync(commit.SetCheckpoint("contacts", "page-1"));

        Assert.Equal(keys.Count, (await store.GetAllAsync()).Count);
        Assert.Equal(keys.Count, (await store.GetManyAsync(keys)).Count);
        Assert.Equal(keys.Count, (await store.GetUnseenAsync("contacts")).Count);
    }

    /// <summary>Commits made at once all land.</summary>
    [Fact]
    public async Task Commits_made_at_once_all_land()
    {
        var store = Open();
        await Task.WhenAll(Enumerable.Range(0, 16).Select(index => Task.Run(() =>
            store.CommitAsync(new SyncCommit().Put(new SyncRecord("k" + index, Json($$"""{"n":{{index}}}"""), null, PendingChange.Create)).SetCheckpoint("c" + index, "v")))));

        Assert.Equal(16, (await store.GetAllAsync()).Count);
        Assert.Equal(16, (await store.GetPendingAsync()).Count);
        Assert.Equal("v", await store.GetCheckpointAsync("c15"));
    }

    /// <summary>A commit that fails at any step before it is committed leaves nothing of itself.</summary>
    [Fact]
    public async Task A_commit_that_fails_at_any_step_before_it_is_committed_leaves_nothing_of_itself()
    {
        foreach (var step in Enum.GetValues<SyncCommitStep>().Where(step => step != SyncCommitStep.Committed))
        {
            var store = Assert.IsAssignableFrom<ISteppedSyncStore>(Open());
            await store.CommitAsync(new SyncCommit().Put(SyncRecord.Synced("kept", Json("""{"v":1}"""))).MarkSeen("contacts", ["kept"]).SetCheckpoint("contacts", "before"));
            var reached = new List<SyncCommitStep>();
            store.StepReached = point =>
            {
                reached.Add(point);
                if (point == step)
                {
                    throw new SimulatedCrashException();
                }
            };

            await Assert.ThrowsAsync<SimulatedCrashException>(() => store.CommitAsync(new SyncCommit()
                .Put(SyncRecord.Synced("kept", Json("""{"v":2}""")))
                .Put(new SyncRecord("new", Json("""{"v":3}"""), null, PendingChange.Create))
                .ForgetSeen("contacts")
                .MarkSeen("contacts", ["new"])
                .SetCheckpoint("contacts", "after")));
            store.StepReached = null;

            Assert.Equal(step, reached[^1]);
            AssertJson("""{"v":1}""", (await store.GetAsync("kept"))!.Local);
            Assert.Null(await store.GetAsync("new"));
            Assert.Empty(await store.GetPendingAsync());
            Assert.Empty(await store.GetUnseenAsync("contacts"));
            Assert.Equal("before", await store.GetCheckpointAsync("contacts"));
        }
    }

    /// <summary>Every step of a commit is reported in order and one per record.</summary>
    [Fact]
    public async Task Every_step_of_a_commit_is_reported_in_order_and_one_per_record()
    {
        var store = Assert.IsAssignableFrom<ISteppedSyncStore>(Open());
        var reached = new List<SyncCommitStep>();
        store.StepReached = reached.Add;

        await store.CommitAsync(new SyncCommit().Put(SyncRecord.Synced("1", Json("{}"))).Put(SyncRecord.Synced("2", Json("{}"))).ForgetSeen("contacts").MarkSeen("contacts", ["1"]).SetCheckpoint("contacts", "t"));

        Assert.Equal(
            new[] { SyncCommitStep.Begun, SyncCommitStep.SeenCleared, SyncCommitStep.RecordWritten, SyncCommitStep.RecordWritten, SyncCommitStep.RecordsWritten, SyncCommitStep.SeenMarked, SyncCommitStep.CheckpointWritten, SyncCommitStep.Committed },
            reached);
    }

    /// <summary>A reopened store holds the records outbox seen marks and checkpoints.</summary>
    [Fact]
    public async Task A_reopened_store_holds_the_records_outbox_seen_marks_and_checkpoints()
    {
        var store = Open();
        await store.CommitAsync(new SyncCommit()
            .Put(SyncRecord.Synced("1", Json("""{"id":"1","score":1.5}""")))
            .Put(SyncRecord.Synced("2", Json("""{"id":"2"}""")))
            .Put(new SyncRecord("local-1", Json("""{"email":"a@example.com"}"""), null, PendingChange.Create))
            .MarkSeen("contacts", ["1"])
            .SetCheckpoint("contacts", "cursor-7"));
        await store.CommitAsync(new SyncCommit().Put(new SyncRecord("1", Json("""{"id":"1","score":2.5}"""), Json("""{"id":"1","score":1.5}"""), PendingChange.Update)));

        var reopened = ReopenStore(store);
        _opened.Add(reopened);

        AssertJson("""{"id":"1","score":2.5}""", (await reopened.GetAsync("1"))!.Local);
        AssertJson("""{"id":"1","score":1.5}""", (await reopened.GetAsync("1"))!.Base);
        Assert.Equal(new[] { "local-1", "1" }, (await reopened.GetPendingAsync()).Select(row => row.Key));
        Assert.Equal(new[] { "2" }, await reopened.GetUnseenAsync("contacts"));
        Assert.Equal("cursor-7", await reopened.GetCheckpointAsync("contacts"));
    }

    /// <summary>Opens a store that the suite closes after the test.</summary>
    protected ISyncStore Open()
    {
        var store = CreateStore();
        _opened.Add(store);
        return store;
    }

    private static JsonElement Json(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    private static void AssertJson(string expected, JsonElement? actual)
    {
        Assert.True(actual is not null, $"Expected {expected}, found nothing.");
        Assert.True(JsonEquality.AreSemanticallyEqual(Json(expected), actual!.Value), $"Expected {expected}, found {actual.Value.GetRawText()}.");
    }

    private sealed class SimulatedCrashException : Exception;
}
