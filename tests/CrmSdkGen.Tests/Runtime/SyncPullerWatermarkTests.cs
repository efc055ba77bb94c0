using CrmSdkGen.Runtime.Sync;
using Microsoft.Extensions.Time.Testing;
using static CrmSdkGen.Tests.Runtime.ScriptedCrm;

namespace CrmSdkGen.Tests.Runtime;

/// <summary>
/// Watermark pulls ask for exactly the changes since the newest time of change seen (moved back by the overlap and
/// capped by the pull's start), keep the newest version of a key seen twice, and go back to a full listing only when
/// they must or when <see cref="SyncOptions.FullListingEvery"/> says so.
/// </summary>
public sealed class SyncPullerWatermarkTests
{
    private static readonly TimeSpan Overlap = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task The_first_pull_lists_everything_then_asks_for_changes_since_the_newest_time_of_change_seen()
    {
        var (crm, store, engine, _) = Setup();
        crm.Set("a", "Ada", 3);
        crm.Set("b", "Bob", 1);
        crm.Set("c", "Cy", 2);

        var result = await engine.PullAsync();

        // The listing's pages: a@3 and b@1, then c@2; the newest (a@3) makes the watermark, from which an incremental
        // pull follows at once for what changed while the listing ran.
        Assert.Equal(
            [Request(null, null), Request(null, "p2"), Request(At(3) - Overlap, null), Request(At(3) - Overlap, "p2")],
            crm.Requests);
        Assert.Equal((3, 0, 0, 4, true), (result.Created, result.Updated, result.Deleted, result.Pages, result.FullListing));
        Assert.Equal(["a", "b", "c"], (await store.GetAllAsync()).Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Later_pulls_apply_changes_and_tombstones_and_move_the_watermark_to_the_newest_change()
    {
        var (crm, store, engine, clock) = Setup();
        crm.Set("a", "Ada", 3);
        crm.Set("b", "Bob", 1);
        crm.Set("c", "Cy", 2);
        await engine.PullAsync();
        crm.Requests.Clear();
        clock.SetUtcNow(At(20));
        crm.Set("b", "Bobby", 12);
        crm.Delete("c", 13);

        var second = await engine.PullAsync();
        var requestsOfSecond = crm.Requests.ToList();
        await engine.PullAsync();

        Assert.Equal([Request(At(3) - Overlap, null), Request(At(3) - Overlap, "p2")], requestsOfSecond);
        Assert.Equal((0, 1, 1, 2, false), (second.Created, second.Updated, second.Deleted, second.Pages, second.FullListing));
        Assert.Equal(Request(At(12) - Overlap, null), crm.Requests[2]);
        Assert.Equal(["a", "b"], (await store.GetAllAsync()).Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Bobby", (await store.GetAsync("b"))!.Local!.Value.GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_time_of_change_after_the_pull_started_caps_the_watermark_at_the_start()
    {
        var (crm, _, engine, clock) = Setup();
        crm.Set("a", "Ada", 1);
        await engine.PullAsync();
        clock.SetUtcNow(At(25));
        crm.Set("a", "Ada (clock ahead)", 30);
        await engine.PullAsync();
        crm.Requests.Clear();

        await engine.PullAsync();

        Assert.Equal([Request(At(25) - Overlap, null)], crm.Requests);
    }

    [Theory]
    [InlineData(-2, "Ada")]
    [InlineData(2, "Ada (newer copy)")]
    [InlineData(0, "Ada (same time, later on the page)")]
    public async Task A_key_seen_twice_on_a_page_keeps_its_newest_version(int copyMinutesLater, string kept)
    {
        var (crm, store, engine, _) = Setup();
        crm.Set("a", "Ada", 3);
        crm.StaleCopies["a"] = (kept == "Ada" ? "Ada (older copy)" : kept, At(3 + copyMinutesLater));

        await engine.PullAsync();

        Assert.Equal(kept, (await store.GetAsync("a"))!.Local!.Value.GetProperty("name").GetString());
    }

    [Fact]
    public async Task An_expired_page_token_of_an_incremental_pull_starts_its_pages_again_from_the_same_watermark()
    {
        var (crm, _, engine, _) = Setup();
        crm.Set("a", "Ada", 3);
        crm.Set("b", "Bob", 1);
        crm.Set("c", "Cy", 2);
        await engine.PullAsync();
        crm.Requests.Clear();
        crm.Expiring.Add("p2");

        var result = await engine.PullAsync();

        var since = At(3) - Overlap;
        Assert.Equal([Request(since, null), Request(since, "p2"), Request(since, null), Request(since, "p2")], crm.Requests);
        Assert.False(result.FullListing);
    }

    [Fact]
    public async Task An_expired_page_token_of_a_full_listing_starts_the_listing_again()
    {
        var (crm, store, engine, _) = Setup();
        crm.Set("a", "Ada", 3);
        crm.Set("b", "Bob", 1);
        crm.Set("c", "Cy", 2);
        crm.Expiring.Add("p2");

        var result = await engine.PullAsync();

        Assert.True(result.FullListing);
        Assert.Equal([Request(null, null), Request(null, "p2"), Request(null, null), Request(null, "p2")], crm.Requests.Take(4));
        Assert.Equal(3, (await store.GetAllAsync()).Count);
    }

    [Fact]
    public async Task A_full_listing_comes_back_once_full_listing_every_has_passed_since_the_last_one_started()
    {
        var (crm, _, engine, clock) = Setup(new SyncOptions { FullListingEvery = TimeSpan.FromHours(1) });
        crm.Set("a", "Ada", 1);
        var start = clock.GetUtcNow();

        var kinds = new List<bool>();
        foreach (var minutes in new[] { 0, 30, 59, 60, 61 })
        {
            clock.SetUtcNow(start.AddMinutes(minutes));
            kinds.Add((await engine.PullAsync()).FullListing);
        }

        Assert.Equal([true, false, false, true, false], kinds);
    }

    internal static SyncPageRequest Request(DateTimeOffset? since, string? pageToken) => new(since, pageToken, null);

    private static (ScriptedCrm Crm, InMemorySyncStore Store, SyncEngine Engine, FakeTimeProvider Clock) Setup(SyncOptions? options = null)
    {
        var crm = new ScriptedCrm(SyncPullMode.Watermark);
        var store = new InMemorySyncStore();
        var clock = new FakeTimeProvider(At(10));
        options ??= new SyncOptions();
        options.TimeProvider = clock;
        options.Overlap = Overlap;
        return (crm, store, new SyncEngine(crm, store, options), clock);
    }
}
