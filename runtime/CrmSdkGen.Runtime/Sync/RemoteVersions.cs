using System.Collections.Generic;
using System.Text.Json;
using CrmSdkGen.Runtime.Diff;

namespace CrmSdkGen.Runtime.Sync;

/// <summary>
/// Applies the CRM's version of records to the local copy, for pulls and for targeted refreshes alike: a record with
/// no pending change takes the CRM's version, one with a pending change is merged by the conflict policy, and a version
/// older than the one the store holds (a stale search index, an event handled late) is left out.
/// </summary>
internal sealed class RemoteVersions
{
    private readonly SyncAdapter _adapter;
    private readonly SyncOptions _options;
    private readonly ConflictResolver _resolver;

    public RemoteVersions(SyncAdapter adapter, SyncOptions options, ConflictResolver resolver)
    {
        (_adapter, _options, _resolver) = (adapter, options, resolver);
    }

    public List<RecordChange>? NewChangeList() => _options.CollectChanges ? new List<RecordChange>() : null;

    // Applies the CRM's version of one record (null: deleted) and reports what changed in the local view.
    public void Apply(SyncCommit commit, string key, SyncRecord? row, JsonElement? remote, SyncResult result, List<RecordChange>? changes)
    {
        if (IsOlderThanStored(row, remote))
        {
            return;
        }

        SyncRecord? next;
        if (row is null || row.Pending == PendingChange.None)
        {
            if (row?.Local is { } current && remote is { } same && JsonEquality.AreSemanticallyEqual(current, same))
            {
                return;
            }

            next = remote is { } record ? SyncRecord.Synced(key, record) : null;
        }
        else if (row.Pending == PendingChange.Create)
        {
            return;
        }
        else
        {
            (next, var conflict) = _resolver.Resolve(row, remote);
            if (conflict is not null)
            {
                result.Conflicts.Add(conflict);
            }
        }

        if (next is null)
        {
            if (row is null)
            {
                return;
            }

            commit.Remove(key);
        }
        else
        {
            commit.Put(next);
        }

        Report(key, row?.Local, next?.Local, result, changes);
    }

    public static void Collect(SyncResult result, List<RecordChange>? changes)
    {
        if (changes is not null)
        {
            var page = new ChangeSet(changes);
            result.Changes = result.Changes is null ? page : result.Changes.Then(page);
        }
    }

    private bool IsOlderThanStored(SyncRecord? row, JsonElement? remote) =>
        remote is { } incoming
        && (row?.Base ?? row?.Local) is { } stored
        && _adapter.ModifiedAt(incoming) is { } incomingAt
        && _adapter.ModifiedAt(stored) is { } storedAt
        && incomingAt < storedAt;

    private void Report(string key, JsonElement? before, JsonElement? after, SyncResult result, List<RecordChange>? changes)
    {
        switch (before, after)
        {
            case (null, { } created):
                result.Created++;
                changes?.Add(RecordChange.Created(key, created));
                break;
            case ({ }, null):
                result.Deleted++;
                changes?.Add(RecordChange.Deleted(key));
                break;
            case ({ } old, { } updated) when !JsonEquality.AreSemanticallyEqual(old, updated):
                result.Updated++;
                changes?.Add(RecordChange.Updated(key, JsonDiff.Patch(old, updated, _options.DiffOptions)));
                break;
        }
    }
}
