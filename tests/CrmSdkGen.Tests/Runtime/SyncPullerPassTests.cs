using System.Text.Json;
using CrmSdkGen.Runtime.Sync;
using Microsoft.Extensions.Time.Testing;
using static CrmSdkGen.Tests.Runtime.ScriptedCrm;

namespace CrmSdkGen.Tests.Runtime;

/// <summary>
/// What one pull pass leaves behind: the stored checkpoint, the collected changes, the listing's own scope of seen keys,
/// the page fetched ahead (and waited for when the pull fails), and the tokens and watermarks kept for the next pass.
/// </summary>
public sealed class SyncPullerPassTests
{
    [Fact]
    public async Task A_completed_pull_stores_a_completed_checkpoint_with_nothing_in_progress()
    {
        var (crm, store) = (new ScriptedCrm(SyncPullMode.Full), new InMemorySyncStore());
        crm.Set("a", "Ada", 1);
        crm.Set("b", "Bob", 1);
        crm.Set("c", "Cy", 1);

        await new SyncEngine(crm, store).PullAsync();

        using var checkpoint = JsonDocument.Parse((await store.GetCheckpointAsync("sync:scripted"))!);
        Assert.True(checkpoint.RootElement.GetProperty("completed").GetBoolean());
        Assert.False(checkpoint.RootElement.TryGetProperty("inProgress", out _));
        Assert.False(checkpoint.RootElement.TryGetProperty("pageToken", out _));
    }

    [Fact]
    public async Task Collected_changes_hold_what_the_pages_and_the_reconciliation_applied()
    {
        var crm = new ScriptedCrm(SyncPullMode.Full);
        crm.Set("a", "Ada", 1);
        crm.Set("b", "Bob", 1);
        crm.Set("c", "Cy", 1);
        var engine = new SyncEngine(crm, new InMemorySyncStore(), new SyncOptions { CollectChanges = true });
        await engine.PullAsync();
        crm.Set("a", "Ada Lovelace", 2);
        crm.Delete("b", 2);

        var result = await engine.PullAsync();

        var changes = result.Changes!.Changes.Select(change => (change.Key, change.Kind)).Order().ToList();
        Assert.Equal([("a", ChangeKind.Updated), ("b", ChangeKind.Deleted)], changes);
    }

    [Fact]
    public async Task A_full_listing_started_again_after_an_expiry_forgets_the_keys_the_first_attempt_saw()
    {
        var crm = new ScriptedCrm(SyncPullMode.Watermark) { ForgetsDeletes = true };
        crm.Set("a", "Ada", 3);
        crm.Set("b", "Bob", 1);
        crm.Set("c", "Cy", 2);
        var store = new InMemorySyncStore();
        await store.CommitAsync(Seeded("a", "b", "c"));
        crm.Expiring.Add("p2");

        // "a" is deleted after the first attempt listed it and before the listing starts again; no change feed tells.
        crm.WhenExpiring = () => crm.Delete("a", 4);
        var clock = new FakeTimeProvider(At(10)) { AutoAdvanceAmount = TimeSpan.FromSeconds(1) };
        var result = await new SyncEngine(crm, store, new SyncOptions { TimeProvider = clock }).PullAsync();

        Assert.Equal(["b", "c"], (await store.GetAllAsync()).Keys.Order(StringComparer.Ordinal));
        Assert.True(result.FullListing);
    }

    [Fact]
    public async Task A_full_pull_mode_lists_everything_every_time_even_when_the_crm_hands_out_change_tokens()
    {
        var crm = new ScriptedCrm(SyncPullMode.Full) { ChangeTokensInEveryMode = true };
        crm.Set("a", "Ada", 1);
        crm.Set("b", "Bob", 1);
        var store = new InMemorySyncStore();
        var engine = new SyncEngine(crm, store);
        await engine.PullAsync();
        crm.Requests.Clear();
        crm.Delete("b", 2);

        var result = await engine.PullAsync();

        Assert.Equal([new SyncPageRequest(null, null, null)], crm.Requests);
        Assert.Equal((1, true), (result.Deleted, result.FullListing));
        Assert.Equal(["a"], (await store.GetAllAsync()).Keys);
    }

    [Theory]
    [InlineData(SyncPullMode.Cursor)]
    [InlineData(SyncPullMode.DeltaToken)]
    public async Task A_token_pull_over_records_without_a_time_of_change_goes_on_from_its_token(SyncPullMode mode)
    {
        var crm = new ScriptedCrm(mode, timed: false);
        crm.Set("a", "Ada", 1);
        var engine = new SyncEngine(crm, new InMemorySyncStore());

        var first = await engine.PullAsync();
        var requestsOfFirst = crm.Requests.ToList();
        crm.Requests.Clear();
        var second = await engine.PullAsync();

        // The listing is followed at once by the changes since its token, as for records with a time of change.
        Assert.Equal([new SyncPageRequest(null, null, null), new SyncPageRequest(null, null, "v1")], requestsOfFirst);
        Assert.True(first.FullListing);
        Assert.Equal([new SyncPageRequest(null, null, "v1")], crm.Requests);
        Assert.False(second.FullListing);
    }

    [Fact]
    public async Task A_scheduled_listing_whose_last_page_gives_no_token_keeps_the_token_it_had()
    {
        var clock = new FakeTimeProvider(At(0));
        var crm = new ScriptedCrm(SyncPullMode.Cursor, timed: false);
        crm.Set("a", "Ada", 1);
        var engine = new SyncEngine(crm, new InMemorySyncStore(), new SyncOptions { FullListingEvery = TimeSpan.FromHours(1), TimeProvider = clock });
        await engine.PullAsync();
        crm.NoTokenOnListings = true;
        clock.Advance(TimeSpan.FromHours(1));
        await engine.PullAsync();
        crm.Requests.Clear();
        clock.Advance(TimeSpan.FromMinutes(1));

        var result = await engine.PullAsync();

        Assert.False(result.FullListing);
        Assert.Equal([new SyncPageRequest(null, null, "v1")], crm.Requests);
    }

    [Fact]
    public async Task An_incremental_pull_that_met_no_time_of_change_keeps_its_watermark()
    {
        var clock = new FakeTimeProvider(At(10));
        var crm = new ScriptedCrm(SyncPullMode.Watermark);
        crm.Set("a", "Ada", 3);
        var engine = new SyncEngine(crm, new InMemorySyncStore(), new SyncOptions { TimeProvider = clock, Overlap = TimeSpan.Zero });
        await engine.PullAsync();
        clock.SetUtcNow(At(20));
        crm.Delete("a", 4);
        await engine.PullAsync();
        crm.Requests.Clear();

        await engine.PullAsync();

        Assert.Equal([new SyncPageRequest(At(3), null, null)], crm.Requests);
    }

    [Fact]
    public async Task The_next_page_is_fetched_while_the_current_one_is_committed()
    {
        var crm = new ScriptedCrm(SyncPullMode.Full);
        crm.Set("a", "Ada", 1);
        crm.Set("b", "Bob", 1);
        crm.Set("c", "Cy", 1);
        var store = new ObservedStore(new InMemorySyncStore());
        store.BeforeCommit = _ => store.RequestsAtCommit.Add(crm.Requests.Count);

        await new SyncEngine(crm, store).PullAsync();

        Assert.Equal(2, store.RequestsAtCommit[0]);
    }

    [Fact]
    public async Task A_pull_whose_commit_fails_ends_only_after_the_page_fetched_ahead_has_come_back()
    {
        var crm = new ScriptedCrm(SyncPullMode.Full) { HoldPage = "p2" };
        crm.Set("a", "Ada", 1);
        crm.Set("b", "Bob", 1);
        crm.Set("c", "Cy", 1);
        var store = new ObservedStore(new InMemorySyncStore()) { BeforeCommit = _ => throw new IOException("The disk is full.") };

        var pull = new SyncEngine(crm, store).PullAsync();
        await Task.Delay(100);
        Assert.False(pull.IsCompleted);
        crm.Release.SetResult();

        await Assert.ThrowsAsync<IOException>(() => pull);
        Assert.True(crm.HeldPageServed);
    }

    private static SyncCommit Seeded(params string[] keys)
    {
        var commit = new SyncCommit();
        foreach (var key in keys)
        {
            var record = JsonDocument.Parse($$"""{"id":"{{key}}","name":"old","updatedAt":"2026-12-01T09:00:00Z","archived":false}""").RootElement.Clone();
            commit.Put(SyncRecord.Synced(key, record));
        }

        return commit;
    }

    /// <summary>A store that runs a hook before each commit.</summary>
    private sealed class ObservedStore(ISyncStore inner) : ISyncStore
    {
        public Action<SyncCommit>? BeforeCommit { get; set; }

        public List<int> RequestsAtCommit { get; } = new();

        public Task<SyncRecord?> GetAsync(string key, CancellationToken cancellationToken = default) => inner.GetAsync(key, cancellationToken);

        public Task<IReadOnlyDictionary<string, SyncRecord>> GetManyAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default) => inner.GetManyAsync(keys, cancellationToken);

        public Task<IReadOnlyDictionary<string, JsonElement>> GetAllAsync(CancellationToken cancellationToken = default) => inner.GetAllAsync(cancellationToken);

        public Task<IReadOnlyList<SyncRecord>> GetPendingAsync(CancellationToken cancellationToken = default) => inner.GetPendingAsync(cancellationToken);

        public Task<IReadOnlyList<string>> GetUnseenAsync(string scope, CancellationToken cancellationToken = default) => inner.GetUnseenAsync(scope, cancellationToken);

        public Task<string?> GetCheckpointAsync(string name, CancellationToken cancellationToken = default) => inner.GetCheckpointAsync(name, cancellationToken);

        public Task CommitAsync(SyncCommit commit, CancellationToken cancellationToken = default)
        {
            BeforeCommit?.Invoke(commit);
            return inner.CommitAsync(commit, cancellationToken);
        }
    }
}
