using CrmSdkGen.Runtime.Http;
using CrmSdkGen.Runtime.Sync;

namespace CrmSdkGen.Tests.Runtime;

/// <summary>
/// Cursor and delta-token pulls send the token the last pull ended with; an expired token (told by the adapter or by
/// HTTP 410) starts a full listing that reconciles key sets, a bounded number of times; a pull killed part-way resumes
/// at its page and then looks again at the pages it had passed.
/// </summary>
public sealed class SyncPullerTokenTests
{
    [Theory]
    [InlineData(SyncPullMode.Cursor)]
    [InlineData(SyncPullMode.DeltaToken)]
    public async Task Each_pull_sends_the_token_the_previous_one_ended_with_and_applies_changes_and_tombstones(SyncPullMode mode)
    {
        var (crm, store, engine) = Setup(mode, "a", "b", "c");

        var first = await engine.PullAsync();
        var requestsOfFirst = crm.Requests.ToList();
        crm.Requests.Clear();
        crm.Set("b", "Bobby", 5);
        crm.Delete("c", 6);
        var second = await engine.PullAsync();
        await engine.PullAsync();

        Assert.Equal([Request(null, null), Request("p2", null), Request(null, "v3")], requestsOfFirst);
        Assert.Equal((3, true), (first.Created, first.FullListing));
        Assert.Equal([Request(null, "v3"), Request(null, "v5")], crm.Requests);
        Assert.Equal((0, 1, 1, false), (second.Created, second.Updated, second.Deleted, second.FullListing));
        Assert.Equal(["a", "b"], (await store.GetAllAsync()).Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Tombstones_that_come_as_records_delete_their_keys()
    {
        var (crm, store, engine) = Setup(SyncPullMode.Cursor, "a", "b");
        await engine.PullAsync();
        crm.TombstonesAsRecords = true;
        crm.Delete("a", 5);

        var result = await engine.PullAsync();

        Assert.Equal(1, result.Deleted);
        Assert.Equal(["b"], (await store.GetAllAsync()).Keys);
    }

    [Fact]
    public async Task A_full_pull_mode_never_sends_a_change_token_and_deletes_what_its_listing_did_not_reach()
    {
        var (crm, store, engine) = Setup(SyncPullMode.Full, "a", "b", "c", "d");
        await engine.PullAsync();
        crm.Requests.Clear();
        crm.Delete("b", 5);

        var result = await engine.PullAsync();

        Assert.Equal([Request(null, null), Request("p2", null)], crm.Requests);
        Assert.Equal((1, true), (result.Deleted, result.FullListing));
        Assert.Equal(["a", "c", "d"], (await store.GetAllAsync()).Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_expired_delta_token_starts_a_full_listing_that_finds_deletes_then_continues_from_its_token(bool gone)
    {
        var (crm, store, engine) = Setup(SyncPullMode.DeltaToken, "a", "b", "c");
        await engine.PullAsync();
        crm.Requests.Clear();
        crm.Expiring.Add("v3");
        crm.ExpireWithGone = gone;
        crm.Delete("c", 5);

        var result = await engine.PullAsync();

        Assert.Equal([Request(null, "v3"), Request(null, null), Request(null, "v4")], crm.Requests);
        Assert.Equal((1, true), (result.Deleted, result.FullListing));
        Assert.Equal(["a", "b"], (await store.GetAllAsync()).Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(3, true)]
    [InlineData(4, false)]
    public async Task A_listing_that_keeps_expiring_is_started_again_three_times_at_most(int expiries, bool completes)
    {
        var (crm, store, engine) = Setup(SyncPullMode.DeltaToken, "a");
        crm.ExpireListings = expiries;

        var pull = engine.PullAsync();

        if (completes)
        {
            await pull;
            Assert.Single(await store.GetAllAsync());
        }
        else
        {
            await Assert.ThrowsAsync<SyncTokenExpiredException>(() => pull);
            Assert.Empty(await store.GetAllAsync());
        }

        // Each expired attempt asked for the listing's first page; a pull that completes asked once more.
        Assert.Equal(completes ? expiries + 1 : 4, crm.Requests.Count(request => request == Request(null, null)));
    }

    [Fact]
    public async Task A_failure_that_is_not_an_expiry_is_not_retried()
    {
        var (crm, store, engine) = Setup(SyncPullMode.DeltaToken, "a", "b", "c");
        crm.ThrowAtOnce = "p2";

        await Assert.ThrowsAsync<HttpRequestException>(() => engine.PullAsync());

        Assert.Equal([Request(null, null), Request("p2", null)], crm.Requests);
        Assert.Equal(2, (await store.GetAllAsync()).Count);
    }

    [Fact]
    public async Task A_pull_that_failed_on_a_page_resumes_there_and_then_looks_again_at_the_pages_it_had_passed()
    {
        var (crm, store, _) = Setup(SyncPullMode.Full, "a", "b", "c");
        crm.ThrowAtOnce = "p2";

        // The page fetched ahead fails at once; the failure surfaces once the first page is committed.
        await Assert.ThrowsAsync<HttpRequestException>(() => new SyncEngine(crm, store).PullAsync());
        Assert.Equal(["a", "b"], (await store.GetAllAsync()).Keys.Order(StringComparer.Ordinal));
        Assert.Contains("\"pageToken\":\"p2\"", await store.GetCheckpointAsync("sync:scripted"), StringComparison.Ordinal);

        crm.Requests.Clear();
        crm.Set("a", "Ada (changed after its page)", 9);
        var resumed = await new SyncEngine(crm, store).PullAsync();

        Assert.Equal([Request("p2", null), Request(null, null), Request("p2", null)], crm.Requests);
        Assert.Equal("Ada (changed after its page)", (await store.GetAsync("a"))!.Local!.Value.GetProperty("name").GetString());
        Assert.Equal(3, resumed.Pages);
    }

    private static SyncPageRequest Request(string? pageToken, string? changeToken) => new(null, pageToken, changeToken);

    private static (ScriptedCrm Crm, InMemorySyncStore Store, SyncEngine Engine) Setup(SyncPullMode mode, params string[] keys)
    {
        var crm = new ScriptedCrm(mode);
        foreach (var key in keys)
        {
            crm.Set(key, key.ToUpperInvariant(), 1);
        }

        var store = new InMemorySyncStore();
        return (crm, store, new SyncEngine(crm, store));
    }
}
