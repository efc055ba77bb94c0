using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CrmSdkGen.Runtime.Diff;
using CrmSdkGen.Runtime.Http;

namespace CrmSdkGen.Runtime.Sync;

/// <summary>
/// Pulls a resource page by page. Each page's records and the checkpoint that follows them are one commit, so a pull
/// killed at any moment resumes at the first page not committed. A full listing marks the keys it reaches and, after
/// its last page, removes the records it did not reach: deletes the CRM did not report are found that way.
/// </summary>
internal sealed class SyncPuller
{
    private const int MaxRestarts = 3;
    private readonly SyncAdapter _adapter;
    private readonly ISyncStore _store;
    private readonly SyncOptions _options;
    private readonly RemoteVersions _versions;
    private readonly string _checkpointName;

    public SyncPuller(SyncAdapter adapter, ISyncStore store, SyncOptions options, ConflictResolver resolver)
    {
        _adapter = adapter;
        _store = store;
        _options = options;
        _versions = new RemoteVersions(adapter, options, resolver);
        _checkpointName = CheckpointName(adapter);
    }

    private bool _begunHere;

    public static string CheckpointName(SyncAdapter adapter) => "sync:" + adapter.Options.Resource;

    // A full listing marks the keys it reaches with a scope of its own, so that no earlier listing's marks need clearing.
    public static string ListingScope(string checkpointName, SyncCheckpoint checkpoint) =>
        checkpointName + "@" + checkpoint.StartedAt.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private SyncPullMode Mode => _adapter.Options.PullMode;

    // Watermark and search pulls both filter on the time of change.
    private bool ByTime => Mode is SyncPullMode.Watermark or SyncPullMode.Search;

    public async Task PullAsync(SyncResult result, CancellationToken cancellationToken)
    {
        var checkpoint = SyncCheckpoint.Parse(await _store.GetCheckpointAsync(_checkpointName, cancellationToken).ConfigureAwait(false));
        _begunHere = false;
        await RunWithRestartsAsync(checkpoint, result, cancellationToken).ConfigureAwait(false);
        if (!_begunHere)
        {
            // The pass that completed began in an earlier process: what changed or was deleted since then on the pages
            // it had committed before is only seen by a pass of its own, so the store matches the CRM when this ends.
            await RunWithRestartsAsync(checkpoint, result, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task RunWithRestartsAsync(SyncCheckpoint checkpoint, SyncResult result, CancellationToken cancellationToken)
    {
        for (var restarts = 0; ; restarts++)
        {
            try
            {
                await RunAsync(checkpoint, result, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (Exception exception) when (restarts < MaxRestarts && IsExpired(exception))
            {
                // A watermark pull starts its pages again from the same watermark; an expired change token or the
                // page token of a full listing leaves nothing to resume from but a new full listing.
                if (checkpoint.InProgress && !checkpoint.Full && ByTime)
                {
                    checkpoint.PageToken = null;
                }
                else
                {
                    Begin(checkpoint, full: true);
                }
            }
        }
    }

    private async Task RunAsync(SyncCheckpoint checkpoint, SyncResult result, CancellationToken cancellationToken)
    {
        if (!checkpoint.InProgress)
        {
            Begin(checkpoint, full: Mode == SyncPullMode.Full || !checkpoint.HasCompleted
                || (ByTime ? checkpoint.Watermark is null : checkpoint.ChangeToken is null)
                || (_options.FullListingEvery is { } every && (checkpoint.LastFullListing is not { } last || _options.TimeProvider.GetUtcNow() - last >= every)));
        }

        result.FullListing |= checkpoint.Full;
        Task<SyncPage>? prefetched = null;
        var tokensSeen = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            while (!checkpoint.Reconciling)
            {
                var page = await (prefetched ?? _adapter.FetchPageAsync(Request(checkpoint, checkpoint.PageToken), cancellationToken)).ConfigureAwait(false);
                prefetched = null;
                result.Pages++;
                if (checkpoint.PageToken is { } current)
                {
                    tokensSeen.Add(current);
                }

                // A CRM (or adapter) that hands back a page token this pass already followed would page for ever;
                // ending the listing there could lose the records after it, so the pull fails and says so.
                if (page.NextPageToken is { } repeated && tokensSeen.Contains(repeated))
                {
                    throw new InvalidOperationException($"The {_adapter.Options.Resource} listing named the page token '{repeated}' as its next page a second time; the pull stops instead of paging for ever. Check the adapter's next token and the CRM's stop flag.");
                }

                if (page.NextPageToken is { } upcoming)
                {
                    // The next page is fetched while this one is applied and committed; a kill loses only that fetch,
                    // which the resumed pull makes again from the checkpoint.
                    prefetched = FetchAheadAsync(Request(checkpoint, upcoming), cancellationToken);
                }

                var commit = new SyncCommit();
                var newest = await ApplyPageAsync(page, commit, checkpoint.Full ? ListingScope(checkpoint) : null, result, cancellationToken).ConfigureAwait(false);
                if (newest > checkpoint.MaxSeen || checkpoint.MaxSeen is null)
                {
                    checkpoint.MaxSeen = newest;
                }

                if (page.NextPageToken is { } next)
                {
                    checkpoint.PageToken = next;
                }
                else if (checkpoint.Full)
                {
                    checkpoint.Reconciling = true;
                    checkpoint.PageToken = null;
                    checkpoint.ChangeToken = page.ChangeToken ?? checkpoint.ChangeToken;
                }
                else
                {
                    Complete(checkpoint, page.ChangeToken);
                }

                commit.SetCheckpoint(_checkpointName, checkpoint.ToJson());
                await _store.CommitAsync(commit, cancellationToken).ConfigureAwait(false);
                if (!checkpoint.InProgress)
                {
                    return;
                }
            }
        }
        finally
        {
            await ForgetAsync(prefetched).ConfigureAwait(false);
        }

        checkpoint.LastFullListing = checkpoint.StartedAt;
        await ReconcileAsync(checkpoint, result, cancellationToken).ConfigureAwait(false);
        if (Mode != SyncPullMode.Full && (ByTime ? checkpoint.Watermark is not null : checkpoint.ChangeToken is not null))
        {
            // A record listed early and changed (or deleted) before the listing ended is only seen by an incremental
            // pull from the capped watermark or from the listing's change token: one follows at once.
            await RunAsync(checkpoint, result, cancellationToken).ConfigureAwait(false);
        }
    }

    private SyncPageRequest Request(SyncCheckpoint checkpoint, string? pageToken) => new(
        checkpoint.Full ? null : checkpoint.Since,
        pageToken,
        checkpoint.Full || Mode == SyncPullMode.Full || ByTime ? null : checkpoint.ChangeToken);

    // An adapter that fails at once (throwing rather than returning a failed task) fails the page fetched ahead, which
    // surfaces where that page is awaited: after the current page is committed, as without fetching ahead.
    private Task<SyncPage> FetchAheadAsync(SyncPageRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return _adapter.FetchPageAsync(request, cancellationToken);
        }
        catch (Exception exception)
        {
            return Task.FromException<SyncPage>(exception);
        }
    }

    // A page fetched ahead of a pull that stopped is waited for, so that no call outlives the pull; its outcome no longer matters.
    private static async Task ForgetAsync(Task<SyncPage>? prefetched)
    {
        if (prefetched is null)
        {
            return;
        }

        try
        {
            await prefetched.ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The pull already ended, by its own exception or by completing.
        }
    }

    private void Begin(SyncCheckpoint checkpoint, bool full)
    {
        _begunHere = true;
        checkpoint.InProgress = true;
        checkpoint.Full = full;
        checkpoint.Reconciling = false;
        checkpoint.PageToken = null;
        checkpoint.MaxSeen = null;
        checkpoint.StartedAt = _options.TimeProvider.GetUtcNow();
        checkpoint.Since = !full && ByTime ? checkpoint.Watermark - _options.Overlap : null;
    }

    private void Complete(SyncCheckpoint checkpoint, string? changeToken)
    {
        // The next watermark is the newest change seen, but no later than the pull's start: a record changed while
        // the pull ran may sit on a page already passed.
        if (checkpoint.MaxSeen is { } newest)
        {
            checkpoint.Watermark = newest < checkpoint.StartedAt ? newest : checkpoint.StartedAt;
        }
        else if (checkpoint.Full && ByTime)
        {
            // A full listing that met no time of change (an empty resource, records without one) has seen everything
            // up to its start; without a watermark, every pull would list everything again.
            checkpoint.Watermark = checkpoint.StartedAt;
        }

        checkpoint.ChangeToken = changeToken ?? checkpoint.ChangeToken;
        checkpoint.HasCompleted = true;
        checkpoint.InProgress = false;
        checkpoint.Full = false;
        checkpoint.Reconciling = false;
        checkpoint.Since = null;
        checkpoint.PageToken = null;
        checkpoint.MaxSeen = null;
    }

    private string ListingScope(SyncCheckpoint checkpoint) => ListingScope(_checkpointName, checkpoint);

    private async Task<DateTimeOffset?> ApplyPageAsync(SyncPage page, SyncCommit commit, string? listingScope, SyncResult result, CancellationToken cancellationToken)
    {
        // A key may come twice (a page boundary that moved, an overlap); the newest version counts.
        var remote = new Dictionary<string, JsonElement?>(StringComparer.Ordinal);
        var modified = new Dictionary<string, DateTimeOffset?>(StringComparer.Ordinal);
        DateTimeOffset? newest = null;
        foreach (var record in page.Records)
        {
            var key = _adapter.KeyOf(record);
            var at = _adapter.ModifiedAt(record);
            if (at > newest || newest is null)
            {
                newest = at;
            }

            if (modified.TryGetValue(key, out var earlier) && earlier > at)
            {
                continue;
            }

            modified[key] = at;
            remote[key] = _adapter.IsDeleted(record) ? null : record;
        }

        foreach (var key in page.DeletedKeys)
        {
            remote[key] = null;
        }

        var rows = await _store.GetManyAsync(remote.Keys, cancellationToken).ConfigureAwait(false);
        var changes = _versions.NewChangeList();
        foreach (var (key, record) in remote)
        {
            _versions.Apply(commit, key, rows.TryGetValue(key, out var row) ? row : null, record, result, changes);
        }

        if (listingScope is not null)
        {
            commit.MarkSeen(listingScope, remote.Where(pair => pair.Value is not null).Select(pair => pair.Key));
        }

        RemoteVersions.Collect(result, changes);
        return newest;
    }

    private async Task ReconcileAsync(SyncCheckpoint checkpoint, SyncResult result, CancellationToken cancellationToken)
    {
        var unseen = await _store.GetUnseenAsync(ListingScope(checkpoint), cancellationToken).ConfigureAwait(false);
        var rows = await _store.GetManyAsync(unseen, cancellationToken).ConfigureAwait(false);
        var commit = new SyncCommit();
        var changes = _versions.NewChangeList();
        foreach (var row in rows.Values)
        {
            _versions.Apply(commit, row.Key, row, null, result, changes);
        }

        RemoteVersions.Collect(result, changes);
        Complete(checkpoint, null);
        commit.SetCheckpoint(_checkpointName, checkpoint.ToJson());
        await _store.CommitAsync(commit, cancellationToken).ConfigureAwait(false);
    }

    private static bool IsExpired(Exception exception) =>
        exception is SyncTokenExpiredException or ApiException { StatusCode: 410 };
}
