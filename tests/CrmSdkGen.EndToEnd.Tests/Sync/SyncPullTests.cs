using System.Text.Json.Nodes;
using Acme.Crm;
using CrmSdkGen.Runtime.Sync;
using CrmSdkGen.Sync.Sqlite;

namespace CrmSdkGen.EndToEnd.Tests.Sync;

/// <summary>Pulls from the local CRM through the generated adapter and a hand-written delta adapter into SQLite.</summary>
public sealed class SyncPullTests
{
    [Fact]
    public async Task The_first_pull_lists_everything_and_later_pulls_bring_changes_and_tombstones()
    {
        await using var harness = await SyncHarness.StartAsync();
        harness.Server.Contacts.Clock = () => DateTimeOffset.UtcNow.AddDays(-1);
        var ids = harness.Seed(45);
        harness.Server.Contacts.Clock = () => DateTimeOffset.UtcNow;
        harness.Seed(1, "today");
        var engine = harness.Engine(new SyncOptions { CollectChanges = true }, options => options.PageSize = 20);

        var first = await engine.SyncAsync();

        // Three pages list everything; then one incremental page from the newest change (less the overlap) finds
        // what changed while they were listed: here only the newest contact again, recognised by its key.
        Assert.True(first.FullListing);
        Assert.Equal(46, first.Created);
        Assert.Equal(4, first.Pages);
        await harness.AssertStoreEqualsServer();

        harness.Server.Contacts.Update(ids[3], new JsonObject { ["lastName"] = "Lovelace" });
        harness.Server.Contacts.Archive(ids[7]);
        harness.Seed(1, "late");

        var second = await engine.SyncAsync();

        Assert.False(second.FullListing);
        Assert.Equal((1, 1, 1), (second.Created, second.Updated, second.Deleted));
        Assert.Contains(harness.Server.RequestLog, line => line.Contains("updatedSince=", StringComparison.Ordinal));
        var changes = second.Changes!.Changes.ToDictionary(change => change.Key, change => change.Kind);
        Assert.Equal(ChangeKind.Updated, changes[ids[3]]);
        Assert.Equal(ChangeKind.Deleted, changes[ids[7]]);
        await harness.AssertStoreEqualsServer();
    }

    [Fact]
    public async Task Equal_timestamps_across_page_boundaries_and_repeated_records_lose_and_duplicate_nothing()
    {
        await using var harness = await SyncHarness.StartAsync();
        var instant = new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
        harness.Server.Contacts.Clock = () => instant;
        harness.Server.RepeatRecordAtPageBoundaries = true;
        var ids = harness.Seed(50);
        var engine = harness.Engine(configure: options => options.PageSize = 20);
        await engine.SyncAsync();

        // Every change carries the same instant as the watermark: only an inclusive, overlapping pull sees them.
        foreach (var id in ids.Where((_, index) => index % 5 == 0))
        {
            harness.Server.Contacts.Update(id, new JsonObject { ["phone"] = "+44 " + id });
        }

        harness.Server.Contacts.Archive(ids[49]);
        var result = await engine.SyncAsync();

        Assert.Equal(10, result.Updated);
        Assert.Equal(1, result.Deleted);
        Assert.Equal(0, result.Created);
        Assert.True(result.Pages >= 3);
        await harness.AssertStoreEqualsServer();
    }

    [Fact]
    public async Task A_pull_stopped_part_way_resumes_from_its_last_page_even_when_the_cursor_has_expired()
    {
        await using var harness = await SyncHarness.StartAsync();
        var ids = harness.Seed(30);
        var engine = harness.Engine();
        await engine.SyncAsync();
        foreach (var id in ids)
        {
            harness.Server.Contacts.Update(id, new JsonObject { ["lifecycleStage"] = "customer" });
        }

        var stopping = new StopAfterPages(new ContactsSyncAdapter(harness.Client, options => options.PageSize = 20), pages: 1);
        await Assert.ThrowsAsync<OperationCanceledException>(() => new SyncEngine(stopping, harness.Store).PullAsync());
        var halfway = await harness.Store.GetAllAsync();
        Assert.Equal(20, halfway.Values.Count(contact => contact.TryGetProperty("lifecycleStage", out var stage) && stage.GetString() == "customer"));

        harness.Server.ExpireTokens();
        harness.Server.Contacts.Archive(ids[0]);
        var resumed = await engine.PullAsync();

        Assert.False(resumed.FullListing);
        await harness.AssertStoreEqualsServer();
    }

    [Fact]
    public async Task Without_tombstones_deletes_are_found_by_the_periodic_full_listing()
    {
        await using var harness = await SyncHarness.StartAsync();
        harness.Server.ReportArchived = false;
        var ids = harness.Seed(30);
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var engine = harness.Engine(new SyncOptions { FullListingEvery = TimeSpan.FromHours(6), TimeProvider = clock });
        await engine.SyncAsync();
        harness.Server.Contacts.Archive(ids[5]);

        clock.Now += TimeSpan.FromHours(1);
        var incremental = await engine.SyncAsync();
        Assert.False(incremental.FullListing);
        Assert.NotNull(await harness.Store.GetAsync(ids[5]));

        clock.Now += TimeSpan.FromHours(6);
        var full = await engine.SyncAsync();
        Assert.True(full.FullListing);
        Assert.Equal(1, full.Deleted);
        await harness.AssertStoreEqualsServer();
    }

    [Theory]
    [InlineData(SyncPullMode.DeltaToken)]
    [InlineData(SyncPullMode.Cursor)]
    public async Task An_expired_delta_token_starts_a_full_listing_that_finds_deletes_the_feed_no_longer_reports(SyncPullMode mode)
    {
        await using var harness = await SyncHarness.StartAsync();
        var ids = harness.Seed(120);
        var adapter = new DeltaContactsAdapter(harness.Http, SyncHarness.ApiKey);
        adapter.Options.PullMode = mode;
        var engine = new SyncEngine(adapter, harness.Store);

        var first = await engine.PullAsync();
        Assert.True(first.FullListing);
        await harness.AssertStoreEqualsServer();

        harness.Server.Contacts.Update(ids[1], new JsonObject { ["firstName"] = "Grace" });
        harness.Server.Contacts.Archive(ids[2]);
        var incremental = await engine.PullAsync();
        Assert.False(incremental.FullListing);
        Assert.Equal((0, 1, 1), (incremental.Created, incremental.Updated, incremental.Deleted));
        Assert.Equal(1, incremental.Pages);

        harness.Server.Contacts.Archive(ids[3]);
        harness.Server.Contacts.Update(ids[4], new JsonObject { ["firstName"] = "Ada" });
        harness.Server.ExpireTokens();
        var resync = await engine.PullAsync();

        Assert.True(resync.FullListing);
        Assert.Equal((0, 1, 1), (resync.Created, resync.Updated, resync.Deleted));
        await harness.AssertStoreEqualsServer();
    }

    [Fact]
    public async Task Two_resources_sync_into_one_SQLite_file_in_collections_of_their_own()
    {
        await using var harness = await SyncHarness.StartAsync();
        harness.Seed(5);
        using var deltaStore = new SqliteSyncStore(harness.StorePath, "contacts_delta");
        await harness.Engine().PullAsync();
        harness.Seed(2, "more");

        var delta = await new SyncEngine(new DeltaContactsAdapter(harness.Http, SyncHarness.ApiKey), deltaStore).PullAsync();

        Assert.Equal(7, delta.Created);
        Assert.Equal(5, (await harness.Store.GetAllAsync()).Count);
        await SyncHarness.AssertStoreEqualsServer(deltaStore, harness.Server);
        Assert.NotNull(await harness.Store.GetCheckpointAsync("sync:contacts"));
        Assert.NotNull(await deltaStore.GetCheckpointAsync("sync:contacts-delta"));
    }

    /// <summary>Lets a number of pages through, then cancels, as a process stopped between two pages would.</summary>
    private sealed class StopAfterPages(SyncAdapter inner, int pages) : SyncAdapter(inner.Options)
    {
        private int _served;

        public override Task<SyncPage> FetchPageAsync(SyncPageRequest request, CancellationToken cancellationToken) =>
            _served++ < pages ? inner.FetchPageAsync(request, cancellationToken) : throw new OperationCanceledException();
    }
}
