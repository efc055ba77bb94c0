using System.Text.Json;
using CrmSdkGen.Runtime.Sync;

namespace CrmSdkGen.Tests.Runtime;

/// <summary>A listing that names a page token it already followed fails instead of paging for ever or ending early.</summary>
public sealed class RepeatedPageTokenTests
{
    [Theory]
    [InlineData("a", "a")]
    [InlineData("a", "b", "a")]
    public async Task A_page_token_named_again_fails_the_pull_and_commits_nothing_past_it(params string[] tokens)
    {
        var adapter = new CyclingCrm(tokens);
        var store = new InMemorySyncStore();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new SyncEngine(adapter, store).PullAsync());

        Assert.Contains($"page token '{tokens[^1]}'", error.Message, StringComparison.Ordinal);
        Assert.Equal(tokens.Length, adapter.Fetches);
    }

    [Fact]
    public async Task Distinct_tokens_page_to_the_end()
    {
        var adapter = new CyclingCrm("a", "b", null);
        var store = new InMemorySyncStore();

        var result = await new SyncEngine(adapter, store).PullAsync();

        Assert.Equal(3, result.Pages);
        Assert.Equal(3, (await store.GetAllAsync()).Count);
    }

    /// <summary>Serves one record per page; page n names tokens[n] as the next.</summary>
    private sealed class CyclingCrm(params string?[] tokens) : SyncAdapter(new SyncAdapterOptions { Resource = "cycling", PullMode = SyncPullMode.Full })
    {
        private int _fetches;

        public int Fetches => Volatile.Read(ref _fetches);

        public override Task<SyncPage> FetchPageAsync(SyncPageRequest request, CancellationToken cancellationToken)
        {
            var index = Interlocked.Increment(ref _fetches) - 1;
            var record = JsonDocument.Parse($$"""{"id":"r{{index}}"}""").RootElement.Clone();
            return Task.FromResult(new SyncPage(new[] { record }, index < tokens.Length ? tokens[index] : null));
        }
    }
}
