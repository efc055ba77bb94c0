using System.Globalization;
using System.Text.Json;
using CrmSdkGen.Runtime.Sync;

namespace CrmSdkGen.Tests.Runtime;

/// <summary>
/// A resource listed whole in pages of two records (ordered by key), read one record at a time, with a time of change
/// in "updatedAt"; a page can be made to fail once, to leave a full listing in progress.
/// </summary>
internal sealed class PagedMemoryCrm() : SyncAdapter(new SyncAdapterOptions { Resource = "paged", PullMode = SyncPullMode.Full, ModifiedField = "updatedAt" })
{
    public SortedDictionary<string, JsonElement> Records { get; } = new(StringComparer.Ordinal);

    public int? FailPageOnce { get; set; }

    /// <summary>A page whose fetch waits for <see cref="Resume"/>, after <see cref="Paused"/> is set.</summary>
    public int? PauseAtPage { get; set; }

    public TaskCompletionSource Paused { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Resume { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public List<string> Reads { get; } = new();

    public override async Task<SyncPage> FetchPageAsync(SyncPageRequest request, CancellationToken cancellationToken)
    {
        var page = request.PageToken is { } token ? int.Parse(token, CultureInfo.InvariantCulture) : 0;
        if (PauseAtPage == page)
        {
            PauseAtPage = null;
            Paused.SetResult();
            await Resume.Task;
        }

        if (FailPageOnce == page)
        {
            FailPageOnce = null;
            throw new HttpRequestException("The listing broke off.");
        }

        var records = Records.Values.Skip(page * 2).Take(2).ToList();
        var next = (page + 1) * 2 < Records.Count ? (page + 1).ToString(CultureInfo.InvariantCulture) : null;
        // Records are read when the page is served, not when its fetch began.
        return new SyncPage(records, next);
    }

    public override Task<JsonElement?> GetAsync(string key, CancellationToken cancellationToken)
    {
        lock (Reads)
        {
            Reads.Add(key);
        }

        return Task.FromResult(Records.TryGetValue(key, out var record) ? record : (JsonElement?)null);
    }

    public void Set(string key, string name, int minute) =>
        Records[key] = JsonDocument.Parse($$"""{"id":"{{key}}","name":"{{name}}","updatedAt":"2026-12-01T10:{{minute:00}}:00Z"}""").RootElement.Clone();
}
