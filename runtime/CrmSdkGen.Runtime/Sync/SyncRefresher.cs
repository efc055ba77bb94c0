using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace CrmSdkGen.Runtime.Sync;

/// <summary>
/// Reads records the CRM announced as changed and applies them as a pull would, in one commit: a record the CRM no
/// longer has is removed, a version older than the stored one is left out, and the checkpoint is not touched, so the
/// periodic pull goes on as before. During a full listing the refreshed keys count as reached by it.
/// </summary>
internal sealed class SyncRefresher
{
    private readonly SyncAdapter _adapter;
    private readonly ISyncStore _store;
    private readonly RemoteVersions _versions;
    private readonly string _checkpointName;

    public SyncRefresher(SyncAdapter adapter, ISyncStore store, SyncOptions options, ConflictResolver resolver)
    {
        (_adapter, _store) = (adapter, store);
        _versions = new RemoteVersions(adapter, options, resolver);
        _checkpointName = SyncPuller.CheckpointName(adapter);
    }

    public async Task RefreshAsync(IReadOnlyCollection<string> keys, SyncResult result, CancellationToken cancellationToken)
    {
        var distinct = keys.Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count == 0)
        {
            return;
        }

        var found = await _adapter.GetManyAsync(distinct, cancellationToken).ConfigureAwait(false);
        var rows = await _store.GetManyAsync(distinct, cancellationToken).ConfigureAwait(false);
        var commit = new SyncCommit();
        var changes = _versions.NewChangeList();
        var present = new List<string>();
        foreach (var key in distinct)
        {
            JsonElement? remote = found.TryGetValue(key, out var record) && !_adapter.IsDeleted(record) ? record : null;
            if (remote is not null)
            {
                present.Add(key);
            }

            _versions.Apply(commit, key, rows.TryGetValue(key, out var row) ? row : null, remote, result, changes);
        }

        var checkpoint = SyncCheckpoint.Parse(await _store.GetCheckpointAsync(_checkpointName, cancellationToken).ConfigureAwait(false));
        if (checkpoint.InProgress && checkpoint.Full && present.Count > 0)
        {
            // The listing may have passed these keys' pages already; unmarked, its reconciliation would remove them.
            commit.MarkSeen(SyncPuller.ListingScope(_checkpointName, checkpoint), present);
        }

        RemoteVersions.Collect(result, changes);
        await _store.CommitAsync(commit, cancellationToken).ConfigureAwait(false);
    }
}
