using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using CrmSdkGen.Runtime.Json;
using CrmSdkGen.Runtime.Sync;

namespace CrmSdkGen.Sync.Sqlite;

/// <summary>
/// The embedded default store: records with their bases and outbox entries, checkpoints and seen keys in one SQLite
/// file (write-ahead log), each <see cref="SyncCommit"/> in one transaction. The file survives the process, so a sync
/// killed at any moment resumes where its last commit ended. Commits are durable against a crash of the process; with
/// <c>synchronous=NORMAL</c> a power failure may lose the last commits but never leaves a half-applied one.
/// </summary>
public sealed class SqliteSyncStore : ISteppedSyncStore, IDisposable
{
    private const string Columns = "key, local, base, pending";
    private readonly string _records;
    private readonly SqliteStatements _statements;

    /// <summary>Opens (and creates if needed) the store in the SQLite file at <paramref name="path"/>.</summary>
    /// <param name="path">The SQLite file.</param>
    /// <param name="collection">
    /// The table that holds the records (letters, digits and '_'); one file keeps several resources in tables of their
    /// own, such as "contacts" and "companies", beside one table of checkpoints.
    /// </param>
    public SqliteSyncStore(string path, string collection = "records")
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentException.ThrowIfNullOrEmpty(collection);
        foreach (var character in collection)
        {
            if (!(char.IsAsciiLetterOrDigit(character) || character == '_'))
            {
                throw new ArgumentException("A collection name has letters, digits and '_' only.", nameof(collection));
            }
        }

        _records = collection;
        _statements = SqliteStatements.Open(path, $"""
            CREATE TABLE IF NOT EXISTS {_records} (key TEXT PRIMARY KEY, local TEXT, base TEXT, pending INTEGER NOT NULL, pending_order INTEGER, seen TEXT);
            CREATE TABLE IF NOT EXISTS checkpoints (name TEXT PRIMARY KEY, value TEXT NOT NULL);
            """);
        try
        {
            _statements.RequireColumns(_records, "local", "base", "pending", "pending_order", "seen");
            _statements.Execute($"CREATE INDEX IF NOT EXISTS {_records}_outbox ON {_records} (pending_order) WHERE pending <> 0;");
        }
        catch
        {
            _statements.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public Task<SyncRecord?> GetAsync(string key, CancellationToken cancellationToken = default) =>
        Locked(cancellationToken, () =>
        {
            using var command = _statements.Command($"SELECT {Columns} FROM {_records} WHERE key = $key;", null, ("$key", key));
            using var reader = command.ExecuteReader();
            return reader.Read() ? SqliteRecordColumns.ReadRecord(reader) : null;
        });

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, SyncRecord>> GetManyAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default) =>
        Locked<IReadOnlyDictionary<string, SyncRecord>>(cancellationToken, () =>
        {
            var found = new Dictionary<string, SyncRecord>(StringComparer.Ordinal);
            var command = _statements.Get($"SELECT {Columns} FROM {_records} WHERE key IN (SELECT value FROM json_each($keys));", null, "$keys");
            command.Parameters[0].Value = SqliteRecordColumns.JsonArrayOf(keys);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var record = SqliteRecordColumns.ReadRecord(reader);
                found[record.Key] = record;
            }

            return found;
        });

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, JsonElement>> GetAllAsync(CancellationToken cancellationToken = default) =>
        Locked<IReadOnlyDictionary<string, JsonElement>>(cancellationToken, () =>
        {
            var records = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            using var command = _statements.Command($"SELECT key, local FROM {_records} WHERE local IS NOT NULL ORDER BY key;", null);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                records[reader.GetString(0)] = SqliteRecordColumns.Read(reader, 1);
            }

            return records;
        });

    /// <inheritdoc />
    public Task<IReadOnlyList<SyncRecord>> GetPendingAsync(CancellationToken cancellationToken = default) =>
        Locked<IReadOnlyList<SyncRecord>>(cancellationToken, () =>
        {
            var pending = new List<SyncRecord>();
            using var command = _statements.Command($"SELECT {Columns} FROM {_records} WHERE pending <> 0 ORDER BY pending_order;", null);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                pending.Add(SqliteRecordColumns.ReadRecord(reader));
            }

            return pending;
        });

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> GetUnseenAsync(string scope, CancellationToken cancellationToken = default) =>
        Locked<IReadOnlyList<string>>(cancellationToken, () =>
        {
            var keys = new List<string>();
            using var command = _statements.Command(
                $"SELECT key FROM {_records} WHERE pending <> {(int)PendingChange.Create} AND seen IS NOT $scope;",
                null,
                ("$scope", scope));
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                keys.Add(reader.GetString(0));
            }

            return keys;
        });

    /// <inheritdoc />
    public Task<string?> GetCheckpointAsync(string name, CancellationToken cancellationToken = default) =>
        Locked(cancellationToken, () =>
        {
            using var command = _statements.Command("SELECT value FROM checkpoints WHERE name = $name;", null, ("$name", name));
            return command.ExecuteScalar() as string;
        });

    /// <inheritdoc />
    public Task CommitAsync(SyncCommit commit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commit);
        return Locked(cancellationToken, () =>
        {
            using var transaction = _statements.Connection.BeginTransaction();
            Reach(SyncCommitStep.Begun);
            ForgetSeen(commit, transaction);
            Reach(SyncCommitStep.SeenCleared);
            var seenNotWritten = WriteRecords(commit, transaction);
            Reach(SyncCommitStep.RecordsWritten);
            MarkSeen(commit.SeenScope, seenNotWritten, transaction);
            Reach(SyncCommitStep.SeenMarked);
            if (commit.CheckpointName is { } name)
            {
                var checkpoint = _statements.Get(
                    "INSERT INTO checkpoints (name, value) VALUES ($name, $value) ON CONFLICT(name) DO UPDATE SET value = excluded.value;",
                    transaction,
                    "$name",
                    "$value");
                checkpoint.Parameters[0].Value = name;
                checkpoint.Parameters[1].Value = commit.CheckpointValue;
                checkpoint.ExecuteNonQuery();
            }

            Reach(SyncCommitStep.CheckpointWritten);
            transaction.Commit();
            Reach(SyncCommitStep.Committed);
            return true;
        });
    }

    /// <inheritdoc />
    public Action<SyncCommitStep>? StepReached { get; set; }

    /// <inheritdoc />
    public void Dispose()
    {
        _statements.Dispose();
    }

    // Keys a full listing reached are marked in the records' "seen" column (with the listing's scope), so that marking
    // costs nothing beyond writing the record.
    private void ForgetSeen(SyncCommit commit, SqliteTransaction transaction)
    {
        if (commit is { ClearSeen: true, SeenScope: { } scope })
        {
            using var clear = _statements.Command($"UPDATE {_records} SET seen = NULL WHERE seen = $scope;", transaction, ("$scope", scope));
            clear.ExecuteNonQuery();
        }
    }

    // Returns the keys the commit marks seen without writing them.
    private IReadOnlyCollection<string> WriteRecords(SyncCommit commit, SqliteTransaction transaction)
    {
        var seen = new HashSet<string>(commit.Seen, StringComparer.Ordinal);
        if (commit.Writes.Count == 0)
        {
            return seen;
        }

        long order;
        order = (long)_statements.Get($"SELECT COALESCE(MAX(pending_order), 0) FROM {_records} WHERE pending <> 0;", transaction).ExecuteScalar()!;

        // The outbox keeps the order in which records were first changed locally.
        var put = _statements.Get(
            $"""
            INSERT INTO {_records} (key, local, base, pending, pending_order, seen) VALUES ($key, $local, $base, $pending, $order, $seen)
            ON CONFLICT(key) DO UPDATE SET local = excluded.local, base = excluded.base, pending = excluded.pending,
                pending_order = CASE WHEN excluded.pending = 0 THEN NULL ELSE COALESCE({_records}.pending_order, excluded.pending_order) END,
                seen = COALESCE(excluded.seen, {_records}.seen);
            """,
            transaction,
            "$key",
            "$local",
            "$base",
            "$pending",
            "$order",
            "$seen");
        var remove = _statements.Get($"DELETE FROM {_records} WHERE key = $key;", transaction, "$key");
        foreach (var (key, record) in commit.Writes)
        {
            if (record is null)
            {
                remove.Parameters[0].Value = key;
                remove.ExecuteNonQuery();
                continue;
            }

            // A synced record's base is the record itself: stored once.
            put.Parameters[0].Value = key;
            put.Parameters[1].Value = SqliteRecordColumns.Stored(record.Local);
            put.Parameters[2].Value = record.Pending == PendingChange.None ? DBNull.Value : SqliteRecordColumns.Stored(record.Base);
            put.Parameters[3].Value = (int)record.Pending;
            put.Parameters[4].Value = record.Pending == PendingChange.None ? DBNull.Value : ++order;
            put.Parameters[5].Value = seen.Remove(key) ? commit.SeenScope : DBNull.Value;
            put.ExecuteNonQuery();
            Reach(SyncCommitStep.RecordWritten);
        }

        return seen;
    }

    private void Reach(SyncCommitStep step) => StepReached?.Invoke(step);

    private void MarkSeen(string? scope, IReadOnlyCollection<string> keys, SqliteTransaction transaction)
    {
        if (scope is null || keys.Count == 0)
        {
            return;
        }

        using var mark = _statements.Command($"UPDATE {_records} SET seen = $scope WHERE key = $key;", transaction, ("$scope", scope), ("$key", null));
        foreach (var key in keys)
        {
            mark.Parameters[1].Value = key;
            mark.ExecuteNonQuery();
        }
    }

    private Task<T> Locked<T>(CancellationToken cancellationToken, Func<T> work) => _statements.Locked(cancellationToken, work);
}
