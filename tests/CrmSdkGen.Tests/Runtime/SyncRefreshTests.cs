using System.Text.Json;
using CrmSdkGen.Runtime.Sync;

namespace CrmSdkGen.Tests.Runtime;

/// <summary>
/// A targeted refresh (the keys a webhook announced) makes the store follow the CRM for those keys only, whatever the
/// order or repetition of the announcements, and leaves the periodic pull as it was.
/// </summary>
public sealed class SyncRefreshTests
{
    [Fact]
    public async Task Announced_keys_are_read_and_applied_created_changed_and_deleted_and_others_are_not_read()
    {
        var (crm, store, engine) = await SyncedAsync(("a", "Ada", 1), ("b", "Bob", 1), ("c", "Cy", 1));
        crm.Set("a", "Ada Lovelace", 2);
        crm.Set("d", "Dee", 2);
        crm.Records.Remove("b");
        crm.Set("c", "Cyrus", 2);
        var checkpoint = await store.GetCheckpointAsync("sync:paged");

        var result = await engine.RefreshAsync(["a", "b", "d", "a"]);

        Assert.Equal((1, 1, 1), (result.Created, result.Updated, result.Deleted));
        Assert.Equal(["a", "b", "d"], crm.Reads.Order(StringComparer.Ordinal));
        Assert.Equal("Ada Lovelace", await NameAsync(store, "a"));
        Assert.Null(await store.GetAsync("b"));
        Assert.Equal("Dee", await NameAsync(store, "d"));
        Assert.Equal("Cy", await NameAsync(store, "c"));
        Assert.Equal(checkpoint, await store.GetCheckpointAsync("sync:paged"));
    }

    [Fact]
    public async Task A_version_older_than_the_stored_one_is_left_out_so_late_announcements_change_nothing()
    {
        var (crm, store, engine) = await SyncedAsync(("a", "Ada", 1));
        crm.Set("a", "Ada Lovelace", 5);
        await engine.RefreshAsync(["a"]);
        crm.Set("a", "Ada (stale replica)", 3);

        var result = await engine.RefreshAsync(["a"]);
        await engine.RefreshAsync(["a"]);

        Assert.Equal(0, result.Updated);
        Assert.Equal("Ada Lovelace", await NameAsync(store, "a"));
    }

    [Fact]
    public async Task A_pending_local_change_is_merged_by_the_conflict_policy_not_overwritten()
    {
        var (crm, store, engine) = await SyncedAsync(("a", "Ada", 1));
        var local = (await store.GetAsync("a"))!.Local!.Value.GetRawText().Replace("\"updatedAt\"", "\"phone\":\"+44\",\"updatedAt\"", StringComparison.Ordinal);
        await engine.SaveLocalAsync("a", JsonDocument.Parse(local).RootElement);
        crm.Set("a", "Ada Lovelace", 2);

        await engine.RefreshAsync(["a"]);

        var row = (await store.GetAsync("a"))!;
        Assert.Equal(PendingChange.Update, row.Pending);
        Assert.Equal("+44", row.Local!.Value.GetProperty("phone").GetString());
        Assert.Equal("Ada Lovelace", row.Local.Value.GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_record_refreshed_by_another_process_during_a_full_listing_survives_its_reconciliation()
    {
        var (crm, store, _) = await SyncedAsync(("b", "Bob", 1), ("c", "Cy", 1), ("e", "Eve", 1));
        var puller = new SyncEngine(crm, store);
        var receiver = new SyncEngine(crm, store);
        crm.PauseAtPage = 1;
        var pull = puller.PullAsync();
        await crm.Paused.Task;

        // "a" sorts onto the first page, which the listing in progress has passed.
        crm.Set("a", "Ada", 2);
        await receiver.RefreshAsync(["a"]);
        crm.Resume.SetResult();
        await pull;

        Assert.Equal("Ada", await NameAsync(store, "a"));
        Assert.Equal(["a", "b", "c", "e"], (await store.GetAllAsync()).Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_refresh_waits_for_a_pull_of_the_same_engine_instead_of_interleaving_with_it()
    {
        var crm = new BlockingCrm();
        crm.Inner.Set("a", "Ada", 1);
        var store = new InMemorySyncStore();
        var engine = new SyncEngine(crm, store);
        var pull = engine.PullAsync();
        await crm.ListingStarted.Task;

        var refresh = engine.RefreshAsync(["a"]);
        await Task.Delay(50);
        Assert.Empty(crm.Inner.Reads);
        crm.Release.SetResult();
        await Task.WhenAll(pull, refresh);

        Assert.Equal(["a"], crm.Inner.Reads);
    }

    private static async Task<string?> NameAsync(ISyncStore store, string key) =>
        (await store.GetAsync(key))?.Local?.GetProperty("name").GetString();

    private static async Task<(PagedMemoryCrm Crm, InMemorySyncStore Store, SyncEngine Engine)> SyncedAsync(params (string Key, string Name, int Minute)[] records)
    {
        var crm = new PagedMemoryCrm();
        foreach (var (key, name, minute) in records)
        {
            crm.Set(key, name, minute);
        }

        var store = new InMemorySyncStore();
        var engine = new SyncEngine(crm, store);
        await engine.PullAsync();
        crm.Reads.Clear();
        return (crm, store, engine);
    }

    private sealed class BlockingCrm() : SyncAdapter(new SyncAdapterOptions { Resource = "blocking" })
    {
        public PagedMemoryCrm Inner { get; } = new();

        public TaskCompletionSource ListingStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override async Task<SyncPage> FetchPageAsync(SyncPageRequest request, CancellationToken cancellationToken)
        {
            ListingStarted.TrySetResult();
            await Release.Task;
            return await Inner.FetchPageAsync(request, cancellationToken);
        }

        public override Task<JsonElement?> GetAsync(string key, CancellationToken cancellationToken) => Inner.GetAsync(key, cancellationToken);
    }
}
