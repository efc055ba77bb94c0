using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace CrmSdkGen.Runtime.Sync;

/// <summary>A store in memory, for tests and short-lived processes.</summary>
public sealed class InMemorySyncStore : ISyncStore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, (SyncRecord Record, long Order)> _records = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _checkpoints = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _seen = new(StringComparer.Ordinal);
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
            var seen = _seen.TryGetValue(scope, out var keys) ? keys : new HashSet<string>();
            return Task.FromResult<IReadOnlyList<string>>(_records.Values
                .Where(entry => entry.Record.Pending != PendingChange.Create && !seen.Contains(entry.Record.Key))
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
    public Task CommitAsync(SyncCommit commit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commit);
        lock (_gate)
        {
            foreach (var (key, record) in commit.Writes)
            {
                if (record is null)
                {
                    _records.Remove(key);
                }
                else
                {
                    // The outbox keeps the order in which records were first changed locally.
                    var order = record.Pending != PendingChange.None && _records.TryGetValue(key, out var existing) && existing.Record.Pending != PendingChange.None
                        ? existing.Order
                        : ++_order;
                    _records[key] = (record, order);
                }
            }

            if (commit.SeenScope is { } scope)
            {
                if (commit.ClearSeen)
                {
                    _seen.Remove(scope);
                }

                if (!_seen.TryGetValue(scope, out var seen))
                {
                    _seen[scope] = seen = new HashSet<string>(StringComparer.Ordinal);
                }

                seen.UnionWith(commit.Seen);
            }

            if (commit.CheckpointName is { } name)
            {
                _checkpoints[name] = commit.CheckpointValue!;
            }
        }

        return Task.CompletedTask;
    }
}
