using System.Text.Json;
using CrmSdkGen.Runtime.Sync;

namespace CrmSdkGen.Tests.Runtime;

/// <summary>
/// A full listing that meets no time of change (an empty resource, records without a modified field, a last page
/// without a change token) ends, and the next pull does not list everything again where it can go on incrementally.
/// </summary>
public sealed class EmptyListingTests
{
    [Theory]
    [InlineData(SyncPullMode.Watermark, 0)]
    [InlineData(SyncPullMode.Watermark, 2)]
    [InlineData(SyncPullMode.Cursor, 0)]
    [InlineData(SyncPullMode.DeltaToken, 2)]
    public async Task A_listing_without_a_time_of_change_or_a_token_ends(SyncPullMode mode, int records)
    {
        var adapter = new TimelessCrm(mode, records);
        var store = new InMemorySyncStore();
        var engine = new SyncEngine(adapter, store);

        var first = await engine.PullAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(first.FullListing);
        Assert.Equal(records, (await store.GetAllAsync()).Count);
        Assert.InRange(adapter.Fetches, 1, 2);
    }

    [Fact]
    public async Task After_an_empty_watermark_listing_the_next_pull_asks_for_changes_since_its_start()
    {
        var adapter = new TimelessCrm(SyncPullMode.Watermark, 0);
        var engine = new SyncEngine(adapter, new InMemorySyncStore());
        var before = DateTimeOffset.UtcNow;
        await engine.PullAsync();

        var second = await engine.PullAsync();

        Assert.False(second.FullListing);
        Assert.NotNull(adapter.LastSince);
        Assert.True(adapter.LastSince >= before - new SyncOptions().Overlap - TimeSpan.FromSeconds(1), $"since {adapter.LastSince:O}");
    }

    /// <summary>One page of records that carry no time of change, and no change token.</summary>
    private sealed class TimelessCrm(SyncPullMode mode, int records) : SyncAdapter(new SyncAdapterOptions { Resource = "timeless", PullMode = mode, ModifiedField = "updatedAt" })
    {
        private int _fetches;

        public int Fetches => Volatile.Read(ref _fetches);

        public DateTimeOffset? LastSince { get; private set; }

        public override Task<SyncPage> FetchPageAsync(SyncPageRequest request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _fetches);
            LastSince = request.Since;
            var page = Enumerable.Range(0, records).Select(index => JsonDocument.Parse($$"""{"id":"r{{index}}"}""").RootElement.Clone()).ToList();
            return Task.FromResult(new SyncPage(page, null));
        }
    }
}
