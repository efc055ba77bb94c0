using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace CrmSdkGen.Runtime.Sync;

/// <summary>A store in memory, for tests and short-lived processes; each commit is all or nothing, like a durable store's.</summary>
public sealed class InMemorySyncStore : ISteppedSyncStore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, (SyncRecord Record, long Order)> _records = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _checkpoints = new(StringComparer.Ordinal);
    // The scope of the last full listing that reached each key, one per key as in the SQLite store, so that listings
    // after listings leave no marks behind.
    private readonly Dictionary<string, string> _seen = new(StringComparer.Ordinal);
    private long _order;

    /// <inheritdoc />
    public Task<SyncRecord?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_records.TryGetValue(key, out var entry) ? entry.Record : null);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, SyncRecord>> GetManyAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var found = new Dictionary<string, SyncRecord>(StringComparer.Ordinal);
            foreach (var key in keys)
            {
                if (_records.TryGetValue(key, out var entry))
                {
                    found[key] = entry.Record;
                }
            }

            return Task.FromResult<IReadOnlyDictionary<string, SyncRecord>>(found);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, JsonElement>> GetAllAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyDictionary<string, JsonElement>>(_records.Values
                .Where(entry => entry.Record.Local is not null)
                .ToDictionary(entry => entry.Record.Key, entry => entry.Record.Local!.Value, StringComparer.Ordinal));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<SyncRecord>> GetPendingAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<SyncRecord>>(_records.Values
                .Where(entry => entry.Record.Pending != PendingChange.None)
                .OrderBy(entry => entry.Order)
                .Select(entry => entry.Record)
                .ToList());
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> GetUnseenAsync(string scope, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<string>>(_records.Values
                .Where(entry => entry.Record.Pending != PendingChange.Create && !(_seen.TryGetValue(entry.Record.Key, out var seen) && seen == scope))
                .Select(entry => entry.Record.Key)
                .ToList());
        }
    }

    /// <inheritdoc />
    public Task<string?> GetCheckpointAsync(string name, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_checkpoints.TryGetValue(name, out var value) ? value : null);
        }
    }

    /// <inheritdoc />
    public Action<SyncCommitStep>? StepReached { get; set; }

    /// <inheritdoc />
    public Task CommitAsync(SyncCommit commit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commit);
        lock (_gate)
        {
            if (StepReached is null)
            {
                Apply(commit);
            }
            else
            {
                // A step that throws stands for a crash inside the transaction: nothing of the commit may remain.
                var before = Snapshot();
                try
                {
                    Apply(commit);
                }
                catch
                {
                    Restore(before);
                    throw;
                }
            }
        }

        Reach(SyncCommitStep.Committed);
        return Task.CompletedTask;
    }

    private void Apply(SyncCommit commit)
    {
        Reach(SyncCommitStep.Begun);
        if (commit is { ClearSeen: true, SeenScope: { } cleared })
        {
            foreach (var key in _seen.Where(pair => pair.Value == cleared).Select(pair => pair.Key).ToList())
            {
                _seen.Remove(key);
            }
        }

        Reach(SyncCommitStep.SeenCleared);
        foreach (var (key, record) in commit.Writes)
        {
            if (record is null)
            {
                _records.Remove(key);
                _seen.Remove(key);
                continue;
            }

            // The outbox keeps the order in which records were first changed locally.
            var order = record.Pending != PendingChange.None && _records.TryGetValue(key, out var existing) && existing.Record.Pending != PendingChange.None
                ? existing.Order
                : ++_order;
            _records[key] = (record, order);
            Reach(SyncCommitStep.RecordWritten);
        }

        Reach(SyncCommitStep.RecordsWritten);
        if (commit.SeenScope is { } scope)
        {
            foreach (var key in commit.Seen)
            {
                _seen[key] = scope;
            }
        }

        Reach(SyncCommitStep.SeenMarked);
        if (commit.CheckpointName is { } name)
        {
            _checkpoints[name] = commit.CheckpointValue!;
        }

        Reach(SyncCommitStep.CheckpointWritten);
    }

    private void Reach(SyncCommitStep step) => StepReached?.Invoke(step);

    private State Snapshot() => new(
        new Dictionary<string, (SyncRecord, long)>(_records, StringComparer.Ordinal),
        new Dictionary<string, string>(_checkpoints, StringComparer.Ordinal),
        new Dictionary<string, string>(_seen, StringComparer.Ordinal),
        _order);

    private void Restore(State state)
    {
        Replace(_records, state.Records);
        Replace(_checkpoints, state.Checkpoints);
        Replace(_seen, state.Seen);
        _order = state.Order;
    }

    private static void Replace<TValue>(Dictionary<string, TValue> target, Dictionary<string, TValue> source)
    {
        target.Clear();
        foreach (var (key, value) in source)
        {
            target[key] = value;
        }
    }

    private sealed record State(
        Dictionary<string, (SyncRecord Record, long Order)> Records,
        Dictionary<string, string> Checkpoints,
        Dictionary<string, string> Seen,
        long Order);
}
