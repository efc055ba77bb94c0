using System.Globalization;
using System.Text.Json;
using CrmSdkGen.Runtime.Http;
using CrmSdkGen.Runtime.Sync;

namespace CrmSdkGen.Tests.Runtime;

/// <summary>
/// A resource that answers every pull mode from a change log: full listings in pages of two (ordered by key), changes
/// since an instant for watermark pulls, changes after a version ("v3") for cursor and delta-token pulls, with the
/// deleted keys as tombstones. Every request is kept, and tokens can be made to expire.
/// </summary>
internal sealed class ScriptedCrm(SyncPullMode mode, int pageSize = 2, bool timed = true)
    : SyncAdapter(new SyncAdapterOptions { Resource = "scripted", PullMode = mode, ModifiedField = timed ? "updatedAt" : null, DeletedField = "archived" })
{
    private readonly SortedDictionary<string, (string Name, DateTimeOffset At, int Version, bool Deleted)> _records = new(StringComparer.Ordinal);
    private int _version;

    public List<SyncPageRequest> Requests { get; } = new();

    /// <summary>Page or change tokens whose next use fails as expired; each expires once.</summary>
    public HashSet<string> Expiring { get; } = new(StringComparer.Ordinal);

    /// <summary>Whether an expired token is told by HTTP 410 rather than by <see cref="SyncTokenExpiredException"/>.</summary>
    public bool ExpireWithGone { get; set; }

    /// <summary>How many times in a row full listings fail as expired.</summary>
    public int ExpireListings { get; set; }

    /// <summary>A page token whose fetch fails once, synchronously, before any task exists.</summary>
    public string? ThrowAtOnce { get; set; }

    /// <summary>Extra records each page carries: copies of a key with an older time of change, as an overlap gives.</summary>
    public Dictionary<string, (string Name, DateTimeOffset At)> StaleCopies { get; } = new(StringComparer.Ordinal);

    /// <summary>Whether changes since an instant leave deleted records out, as a CRM without tombstones does.</summary>
    public bool ForgetsDeletes { get; set; }

    /// <summary>Whether the last page of a listing gives a change token whatever the pull mode.</summary>
    public bool ChangeTokensInEveryMode { get; set; }

    /// <summary>Whether the last page of a full listing gives no change token (only incremental pages do).</summary>
    public bool NoTokenOnListings { get; set; }

    /// <summary>Runs when a token expires, before the failure is returned: what changes in the CRM meanwhile.</summary>
    public Action? WhenExpiring { get; set; }

    /// <summary>A page token whose fetch waits for <see cref="Release"/>.</summary>
    public string? HoldPage { get; set; }

    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Whether the fetch of <see cref="HoldPage"/> has completed.</summary>
    public bool HeldPageServed { get; private set; }

    /// <summary>Whether the deleted keys of a change feed come as records with "archived": true rather than as keys.</summary>
    public bool TombstonesAsRecords { get; set; }

    public static DateTimeOffset At(int minute) => new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero).AddMinutes(minute);

    public void Set(string key, string name, int minute) => _records[key] = (name, At(minute), ++_version, false);

    public void Delete(string key, int minute) => _records[key] = (_records[key].Name, At(minute), ++_version, true);

    public string CurrentToken => "v" + _version.ToString(CultureInfo.InvariantCulture);

    public override Task<SyncPage> FetchPageAsync(SyncPageRequest request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        if (request.PageToken is { } held && held == HoldPage)
        {
            HoldPage = null;
            return HeldAsync(request);
        }

        return Serve(request);
    }

    private async Task<SyncPage> HeldAsync(SyncPageRequest request)
    {
        await Release.Task;
        var page = await Serve(request);
        HeldPageServed = true;
        return page;
    }

    private Task<SyncPage> Serve(SyncPageRequest request)
    {
        if (request.PageToken is { } throwing && throwing == ThrowAtOnce)
        {
            ThrowAtOnce = null;
            throw new HttpRequestException("The connection was refused.");
        }

        if (request.IsFullListing && request.PageToken is null && ExpireListings > 0)
        {
            ExpireListings--;
            return Task.FromException<SyncPage>(Expired("listing"));
        }

        foreach (var token in new[] { request.PageToken, request.PageToken is null ? request.ChangeToken : null })
        {
            if (token is not null && Expiring.Remove(token))
            {
                return Task.FromException<SyncPage>(Expired(token));
            }
        }

        var selected = Select(request);
        var start = request.PageToken is { } pageToken ? int.Parse(pageToken.AsSpan(1), CultureInfo.InvariantCulture) : 0;
        var slice = selected.Skip(start).Take(pageSize).ToList();
        var last = start + pageSize >= selected.Count;
        var records = slice.Where(entry => !entry.Value.Deleted || TombstonesAsRecords).Select(entry => Json(entry.Key, entry.Value.Name, entry.Value.At, entry.Value.Deleted)).ToList();
        records.AddRange(StaleCopies.Where(copy => slice.Any(entry => entry.Key == copy.Key)).Select(copy => Json(copy.Key, copy.Value.Name, copy.Value.At, false)));
        var deleted = TombstonesAsRecords ? [] : slice.Where(entry => entry.Value.Deleted).Select(entry => entry.Key).ToList();
        var page = new SyncPage(records, last ? null : "p" + (start + pageSize).ToString(CultureInfo.InvariantCulture))
        {
            DeletedKeys = deleted,
            ChangeToken = last && (ChangeTokensInEveryMode || mode is SyncPullMode.Cursor or SyncPullMode.DeltaToken) && !(NoTokenOnListings && request.IsFullListing) ? CurrentToken : null,
        };
        return Task.FromResult(page);
    }

    private List<KeyValuePair<string, (string Name, DateTimeOffset At, int Version, bool Deleted)>> Select(SyncPageRequest request)
    {
        if (request.Since is { } since)
        {
            return _records.Where(entry => entry.Value.At >= since && !(ForgetsDeletes && entry.Value.Deleted)).ToList();
        }

        if (request.ChangeToken is { } token)
        {
            var after = int.Parse(token.AsSpan(1), CultureInfo.InvariantCulture);
            return _records.Where(entry => entry.Value.Version > after).ToList();
        }

        return _records.Where(entry => !entry.Value.Deleted).ToList();
    }

    private Exception Expired(string what)
    {
        WhenExpiring?.Invoke();
        return Gone(what);
    }

    private Exception Gone(string what) => ExpireWithGone
        ? new ApiException(410, "Gone", HttpMethod.Get, "/scripted", new Dictionary<string, IReadOnlyList<string>>(), "{\"error\":\"token expired\"}")
        : new SyncTokenExpiredException($"The token {what} expired.");

    private static JsonElement Json(string key, string name, DateTimeOffset at, bool deleted) =>
        JsonDocument.Parse($$"""{"id":"{{key}}","name":"{{name}}","updatedAt":"{{at:yyyy-MM-ddTHH:mm:ssZ}}","archived":{{(deleted ? "true" : "false")}}}""").RootElement.Clone();
}
