using System;
using System.Collections.Generic;

namespace CrmSdkGen.Runtime.Sync;

/// <summary>
/// The writes a sync makes in one transaction: records put or removed, keys marked as seen by a full listing, and the
/// checkpoint that says how far the sync got. A store applies all of them or none.
/// </summary>
public sealed class SyncCommit
{
    private readonly Dictionary<string, SyncRecord?> _writes = new(StringComparer.Ordinal);
    private readonly List<string> _seen = new();

    /// <summary>The records to put (or, where null, to remove), by key; the last write to a key wins.</summary>
    public IReadOnlyDictionary<string, SyncRecord?> Writes => _writes;

    /// <summary>The keys a full listing reached in this commit.</summary>
    public IReadOnlyList<string> Seen => _seen;

    /// <summary>The scope whose seen keys are kept, or cleared when <see cref="ClearSeen"/> is set.</summary>
    public string? SeenScope { get; private set; }

    /// <summary>Whether the keys seen before in <see cref="SeenScope"/> are forgotten (before this commit's <see cref="Seen"/> are added).</summary>
    public bool ClearSeen { get; private set; }

    /// <summary>The checkpoint to store, if any.</summary>
    public string? CheckpointName { get; private set; }

    /// <summary>The checkpoint's new value.</summary>
    public string? CheckpointValue { get; private set; }

    /// <summary>Stores <paramref name="record"/> under its key.</summary>
    public SyncCommit Put(SyncRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        _writes[record.Key] = record;
        return this;
    }

    /// <summary>Removes the record with this key, if the store holds it.</summary>
    public SyncCommit Remove(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _writes[key] = null;
        return this;
    }

    /// <summary>Records that a full listing in <paramref name="scope"/> reached <paramref name="keys"/>.</summary>
    public SyncCommit MarkSeen(string scope, IEnumerable<string> keys)
    {
        UseScope(scope);
        _seen.AddRange(keys);
        return this;
    }

    /// <summary>Forgets the keys seen earlier in <paramref name="scope"/>, when its full listing is over or starts again.</summary>
    public SyncCommit ForgetSeen(string scope)
    {
        UseScope(scope);
        ClearSeen = true;
        return this;
    }

    /// <summary>Sets a checkpoint.</summary>
    public SyncCommit SetCheckpoint(string name, string value)
    {
        CheckpointName = name ?? throw new ArgumentNullException(nameof(name));
        CheckpointValue = value ?? throw new ArgumentNullException(nameof(value));
        return this;
    }

    private void UseScope(string scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (SeenScope is not null && SeenScope != scope)
        {
            throw new InvalidOperationException("A commit marks keys seen in one scope.");
        }

        SeenScope = scope;
    }
}
