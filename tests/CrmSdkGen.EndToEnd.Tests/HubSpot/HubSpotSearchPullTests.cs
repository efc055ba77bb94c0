using CrmSdkGen.Runtime.Sync;

namespace CrmSdkGen.EndToEnd.Tests.HubSpot;

/// <summary>
/// Pulls from a HubSpot-shaped CRM through the adapter generated from its spec: full pages, incremental pulls through the
/// search endpoint within its cap on results per query, and deletes from the archived listing.
/// </summary>
public sealed class HubSpotSearchPullTests
{
    [Fact]
    public async Task The_generated_adapter_searches_and_asks_for_the_largest_pages()
    {
        await using var harness = await HubSpotSyncHarness.StartAsync();
        var adapter = new Acme.Objects.ContactsSyncAdapter(harness.Client);

        Assert.Equal(SyncPullMode.Search, adapter.Options.PullMode);
        Assert.Equal(100, adapter.Options.PageSize);
        Assert.Equal(200, adapter.Options.Search!.PageSize);
        Assert.Equal(10_000, adapter.Options.Search.ResultCap);
        Assert.Equal("lastmodifieddate", adapter.Options.Search.ModifiedProperty);
        Assert.Equal("hs_lastmodifieddate", new Acme.Objects.CompaniesSyncAdapter(harness.Client).Options.Search!.ModifiedProperty);
        Assert.True(adapter.Options.Search.ListDeleted);
    }

    [Fact]
    public async Task A_full_listing_of_500_contacts_takes_5_pages_and_an_incremental_sync_after_5_edits_two_requests()
    {
        await using var harness = await HubSpotSyncHarness.StartAsync();
        var ids = harness.Seed(500);

        // The watermark is inclusive, so every record stamped in its millisecond is searched again: 500 records created
        // in-process can put more than a search page (200) into the last millisecond, which would need a second page.
        // One record changed alone afterwards is the newest change, and the only one the next search sees again.
        await Task.Delay(5);
        harness.Server.Contacts.Update(ids[^1], new Dictionary<string, string?> { ["lastname"] = "Last" });
        var engine = harness.Engine();

        var first = await engine.SyncAsync();

        Assert.True(first.FullListing);
        Assert.Equal(500, first.Created);
        Assert.Equal(5, harness.Server.Count("GET contacts"));
        await harness.AssertStoreEqualsServer();

        harness.Server.ResetCounts();
        await Task.Delay(5);
        foreach (var id in ids.Take(5))
        {
            harness.Server.Contacts.Update(id, new Dictionary<string, string?> { ["phone"] = "+1 555 0100" });
        }

        harness.Server.Contacts.Archive(ids[10]);
        harness.Server.Contacts.Archive(ids[11]);

        var second = await engine.SyncAsync();

        Assert.False(second.FullListing);
        Assert.Equal(5, second.Updated);
        Assert.Equal(2, second.Deleted);
        Assert.Equal(0, harness.Server.Count("GET contacts"));
        Assert.Equal(1, harness.Server.Count("POST contacts/search"));
        Assert.Equal(1, harness.Server.Count("GET contacts archived"));
        await harness.AssertStoreEqualsServer();
    }

    [Fact]
    public async Task A_search_past_the_cap_is_split_and_loses_no_record_sharing_an_instant()
    {
        await using var harness = await HubSpotSyncHarness.StartAsync();
        harness.Server.ResultCap = 40;
        var ids = harness.Seed(300);
        var engine = harness.Engine(options =>
        {
            options.Search!.ResultCap = 40;
            options.Search.PageSize = 10;
        });
        await engine.SyncAsync();

        // 130 records changed in one millisecond (a bulk import), 100 more spread over the next ones.
        await Task.Delay(5);
        var instant = DateTimeOffset.UtcNow;
        harness.Server.Contacts.FrozenClock = instant;
        foreach (var id in ids.Take(130))
        {
            harness.Server.Contacts.Update(id, new Dictionary<string, string?> { ["lifecyclestage"] = "customer" });
        }

        for (var i = 0; i < 100; i++)
        {
            harness.Server.Contacts.FrozenClock = instant.AddMilliseconds(1 + (i / 7));
            harness.Server.Contacts.Update(ids[130 + i], new Dictionary<string, string?> { ["lifecyclestage"] = "lead" });
        }

        harness.Server.Contacts.FrozenClock = null;
        harness.Server.ResetCounts();
        await Task.Delay(50);

        var result = await engine.PullAsync();

        Assert.Equal(0, harness.Server.CapRefusals);
        Assert.Equal(230, result.Updated);
        Assert.Equal(0, harness.Server.Count("GET contacts"));
        await harness.AssertStoreEqualsServer();
    }

    [Fact]
    public async Task Records_changed_while_a_search_is_paged_are_not_skipped()
    {
        await using var harness = await HubSpotSyncHarness.StartAsync();
        var ids = harness.Seed(60);
        var engine = harness.Engine(options => options.Search!.PageSize = 10);
        await engine.SyncAsync();
        await Task.Delay(5);
        foreach (var id in ids.Take(40))
        {
            harness.Server.Contacts.Update(id, new Dictionary<string, string?> { ["city"] = "Paris" });
        }

        // The first record of the first page leaves the results (archived) before the second page, shifting every later
        // offset by one: a pull that went on at offset 10 would skip the record that moved into it.
        var adapter = new ShiftingAdapter(harness.Client, key => harness.Server.Contacts.Archive(long.Parse(key, System.Globalization.CultureInfo.InvariantCulture)));
        var result = await new SyncEngine(adapter, harness.Store, new SyncOptions { Overlap = TimeSpan.Zero }).PullAsync();

        Assert.InRange(result.Updated, 39, 40);
        Assert.Equal(1, result.Deleted);
        await harness.AssertStoreEqualsServer();
    }

    private sealed class ShiftingAdapter(Acme.Objects.ObjectsClient client, Action<string> leave) : Acme.Objects.ContactsSyncAdapter(client, options => options.Search!.PageSize = 10)
    {
        private bool _left;

        public override async Task<SyncPage> FetchPageAsync(SyncPageRequest request, CancellationToken cancellationToken)
        {
            var page = await base.FetchPageAsync(request, cancellationToken);
            if (request.Since is not null && !_left && page.Records.Count > 0)
            {
                _left = true;
                leave(KeyOf(page.Records[0]));
            }

            return page;
        }
    }
}
