using System;
using System.Collections.Generic;
using System.Text.Json;
using CrmSdkGen.Runtime.Diff;

namespace CrmSdkGen.Runtime.Sync;

/// <summary>Brings a record with a pending local change together with the CRM's current version of it.</summary>
internal sealed class ConflictResolver
{
    private readonly SyncOptions _options;

    public ConflictResolver(SyncOptions options)
    {
        _options = options;
    }

    /// <summary>The row to store (null: none) and the conflict found, if the CRM changed the record too.</summary>
    /// <param name="row">The stored record, with a pending update or delete.</param>
    /// <param name="remote">The CRM's version; null when the CRM deleted it.</param>
    public (SyncRecord? Row, SyncConflict? Conflict) Resolve(SyncRecord row, JsonElement? remote)
    {
        if (remote is { } unchanged && row.Base is { } agreed && JsonEquality.AreSemanticallyEqual(agreed, unchanged))
        {
            return (row with { Base = unchanged }, null);
        }

        if (row.Local is null && remote is null)
        {
            return (null, null);
        }

        if (row.Local is { } local && remote is { } same && JsonEquality.AreSemanticallyEqual(local, same))
        {
            return (SyncRecord.Synced(row.Key, same), null);
        }

        var fields = (IReadOnlyList<string>)Array.Empty<string>();
        var merged = remote;
        if (row.Local is { } changed && remote is { } theirs)
        {
            (var result, var conflicting) = ThreeWayMerge.Merge(row.Base, changed, theirs);
            merged = result;
            fields = conflicting;
        }

        var conflict = new SyncConflict(row.Key, row.Base, row.Local, remote, fields) { Policy = _options.Conflicts, Resolved = merged };
        var resolved = _options.Conflicts switch
        {
            ConflictPolicy.RemoteWins => remote,
            ConflictPolicy.LocalWins => row.Local,
            ConflictPolicy.Custom => (_options.Resolver ?? throw new InvalidOperationException("ConflictPolicy.Custom needs SyncOptions.Resolver."))(conflict),
            _ => merged,
        };

        return (RowFor(row.Key, resolved, remote), conflict with { Resolved = resolved });
    }

    private static SyncRecord? RowFor(string key, JsonElement? resolved, JsonElement? remote) => (resolved, remote) switch
    {
        (null, null) => null,
        (null, { } theirs) => new SyncRecord(key, null, theirs, PendingChange.Delete),
        ({ } kept, null) => new SyncRecord(key, kept, null, PendingChange.Create),
        ({ } kept, { } theirs) when JsonEquality.AreSemanticallyEqual(kept, theirs) => SyncRecord.Synced(key, theirs),
        ({ } kept, { } theirs) => new SyncRecord(key, kept, theirs, PendingChange.Update),
    };
}
