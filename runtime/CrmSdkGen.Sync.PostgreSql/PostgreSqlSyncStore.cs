using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CrmSdkGen.Runtime.Json;
using CrmSdkGen.Runtime.Sync;
using Npgsql;
using NpgsqlTypes;

namespace CrmSdkGen.Sync.PostgreSql;

/// <summary>
/// The sync store on PostgreSQL: the records of one (account, resource) with their bases and outbox entries, its
/// checkpoints and its listing marks, in tables that hold every account and resource of the database. Each
/// <see cref="SyncCommit"/> is one transaction; the schema is created or migrated on first use. Safe to use from several
/// threads and processes at once; each call takes a connection from the data source's pool.
/// </summary>
public sealed class PostgreSqlSyncStore : ISteppedSyncStore
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _schema;
    private readonly Func<NpgsqlConnection, NpgsqlTransaction, CancellationToken, Task>? _fence;

    /// <summary>A store of <paramref name="resource"/>'s records for <paramref name="account"/>.</summary>
    /// <param name="dataSource">The database, such as <c>NpgsqlDataSource.Create(connectionString)</c>; the caller disposes it.</param>
    /// <param name="account">The CRM account (portal, org, company) the records belong to.</param>
    /// <param name="resource">The resource, such as "contacts".</param>
    /// <param name="schema">The PostgreSQL schema of the tables (lower-case letters, digits and '_').</param>
    public PostgreSqlSyncStore(NpgsqlDataSource dataSource, string account, string resource, string schema = PostgreSqlSchema.DefaultName)
        : this(dataSource, account, resource, schema, null)
    {
    }

    // The fleet's stores run the fence (the check that the lease is still held) first in every commit's transaction.
    internal PostgreSqlSyncStore(NpgsqlDataSource dataSource, string account, string resource, string schema, Func<NpgsqlConnection, NpgsqlTransaction, CancellationToken, Task>? fence)
    {
        _dataSource = dataSource ?? throw new ArgumentNullException(nameof(dataSource));
        ArgumentException.ThrowIfNullOrEmpty(account);
        ArgumentException.ThrowIfNullOrEmpty(resource);
        PostgreSqlSchema.RequireName(schema);
        (Account, Resource, _schema, _fence) = (account, resource, schema, fence);
    }

    /// <summary>The account whose records this store holds.</summary>
    public string Account { get; }

    /// <summary>The resource whose records this store holds.</summary>
    public string Resource { get; }

    /// <inheritdoc />
    public Action<SyncCommitStep>? StepReached { get; set; }

    /// <inheritdoc />
    public async Task<SyncRecord?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var found = await ReadRecordsAsync("key = $3", key, cancellationToken).ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, SyncRecord>> GetManyAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var found = await ReadRecordsAsync("key = ANY($3)", keys.ToArray(), cancellationToken).ConfigureAwait(false);
        return found.ToDictionary(record => record.Key, StringComparer.Ordinal);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, JsonElement>> GetAllAsync(CancellationToken cancellationToken = default)
    {
        var records = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, $"SELECT key, local FROM {_schema}.sync_records WHERE account = $1 AND resource = $2 AND local IS NOT NULL ORDER BY key;");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            records[reader.GetString(0)] = JsonElements.FromText(reader.GetString(1));
        }

        return records;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<SyncRecord>> GetPendingAsync(CancellationToken cancellationToken = default) =>
        await ReadRecordsAsync("pending <> 0 ORDER BY pending_order", null, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> GetUnseenAsync(string scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var keys = new List<string>();
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, $"SELECT key FROM {_schema}.sync_records WHERE account = $1 AND resource = $2 AND pending <> {(int)PendingChange.Create} AND seen IS DISTINCT FROM $3;", scope);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }

    /// <inheritdoc />
    public async Task<string?> GetCheckpointAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, $"SELECT value FROM {_schema}.sync_checkpoints WHERE account = $1 AND resource = $2 AND name = $3;", name);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }

    /// <inheritdoc />
    public async Task CommitAsync(SyncCommit commit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commit);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        Reach(SyncCommitStep.Begun);
        if (_fence is not null)
        {
            await _fence(connection, transaction, cancellationToken).ConfigureAwait(false);
        }

        if (commit is { ClearSeen: true, SeenScope: { } cleared })
        {
            await ExecuteAsync(connection, transaction, $"UPDATE {_schema}.sync_records SET seen = NULL WHERE account = $1 AND resource = $2 AND seen = $3;", cancellationToken, cleared).ConfigureAwait(false);
        }

        Reach(SyncCommitStep.SeenCleared);
        var seen = new HashSet<string>(commit.Seen, StringComparer.Ordinal);
        var puts = await WriteRecordsAsync(connection, transaction, commit, seen, cancellationToken).ConfigureAwait(false);
        for (var index = 0; index < puts; index++)
        {
            Reach(SyncCommitStep.RecordWritten);
        }

        Reach(SyncCommitStep.RecordsWritten);
        if (commit.SeenScope is { } scope && seen.Count > 0)
        {
            await ExecuteAsync(connection, transaction, $"UPDATE {_schema}.sync_records SET seen = $3 WHERE account = $1 AND resource = $2 AND key = ANY($4);", cancellationToken, scope, seen.ToArray()).ConfigureAwait(false);
        }

        Reach(SyncCommitStep.SeenMarked);
        if (commit.CheckpointName is { } name)
        {
            await ExecuteAsync(
                connection,
                transaction,
                $"INSERT INTO {_schema}.sync_checkpoints (account, resource, name, value) VALUES ($1, $2, $3, $4) ON CONFLICT (account, resource, name) DO UPDATE SET value = excluded.value;",
                cancellationToken,
                name,
                commit.CheckpointValue!).ConfigureAwait(false);
        }

        Reach(SyncCommitStep.CheckpointWritten);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        Reach(SyncCommitStep.Committed);
    }

    // Removes and puts the commit's records in two statements; the outbox keeps the order in which records were first
    // changed locally (a sequence), and a synced record's base is the record itself, stored once. Returns the puts.
    private async Task<int> WriteRecordsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, SyncCommit commit, HashSet<string> seen, CancellationToken cancellationToken)
    {
        var removed = commit.Writes.Where(write => write.Value is null).Select(write => write.Key).ToArray();
        if (removed.Length > 0)
        {
            await ExecuteAsync(connection, transaction, $"DELETE FROM {_schema}.sync_records WHERE account = $1 AND resource = $2 AND key = ANY($3);", cancellationToken, (object)removed).ConfigureAwait(false);
        }

        var puts = commit.Writes.Where(write => write.Value is not null).Select(write => write.Value!).ToList();
        if (puts.Count == 0)
        {
            return 0;
        }

        await ExecuteAsync(
            connection,
            transaction,
            $"""
            INSERT INTO {_schema}.sync_records AS r (account, resource, key, local, base, pending, pending_order, seen)
            SELECT $1, $2, w.key, w.local, w.base, w.pending,
                   CASE WHEN w.pending = 0 THEN NULL ELSE nextval('{_schema}.sync_pending_order') END, w.seen
            FROM unnest($3::text[], $4::text[], $5::text[], $6::smallint[], $7::text[]) WITH ORDINALITY AS w(key, local, base, pending, seen, position)
            ORDER BY w.position
            ON CONFLICT (account, resource, key) DO UPDATE SET local = excluded.local, base = excluded.base, pending = excluded.pending,
                pending_order = CASE WHEN excluded.pending = 0 THEN NULL ELSE coalesce(r.pending_order, excluded.pending_order) END,
                seen = coalesce(excluded.seen, r.seen);
            """,
            cancellationToken,
            puts.Select(record => record.Key).ToArray(),
            puts.Select(record => record.Local?.GetRawText()).ToArray(),
            puts.Select(record => record.Pending == PendingChange.None ? null : record.Base?.GetRawText()).ToArray(),
            puts.Select(record => (short)record.Pending).ToArray(),
            puts.Select(record => seen.Remove(record.Key) ? commit.SeenScope : null).ToArray()).ConfigureAwait(false);
        return puts.Count;
    }

    private async Task<List<SyncRecord>> ReadRecordsAsync(string condition, object? value, CancellationToken cancellationToken)
    {
        var records = new List<SyncRecord>();
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var sql = $"SELECT key, local, base, pending FROM {_schema}.sync_records WHERE account = $1 AND resource = $2 AND {condition};";
        await using var command = value is null ? Command(connection, null, sql) : Command(connection, null, sql, value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var pending = (PendingChange)reader.GetInt16(3);
            JsonElement? local = reader.IsDBNull(1) ? null : JsonElements.FromText(reader.GetString(1));
            JsonElement? stored = reader.IsDBNull(2) ? null : JsonElements.FromText(reader.GetString(2));
            records.Add(new SyncRecord(reader.GetString(0), local, pending == PendingChange.None ? local : stored, pending));
        }

        return records;
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await PostgreSqlSchema.EnsureAsync(_dataSource, _schema, cancellationToken).ConfigureAwait(false);
        return await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken, params object[] values)
    {
        await using var command = Command(connection, transaction, sql, values);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    // $1 and $2 are always the account and the resource; the values follow from $3.
    private NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, params object[] values)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = Account, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = Resource, NpgsqlDbType = NpgsqlDbType.Text });
        foreach (var value in values)
        {
            command.Parameters.Add(value switch
            {
                string?[] texts => new NpgsqlParameter { Value = texts, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text },
                short[] numbers => new NpgsqlParameter { Value = numbers, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Smallint },
                _ => new NpgsqlParameter { Value = value },
            });
        }

        return command;
    }

    private void Reach(SyncCommitStep step) => StepReached?.Invoke(step);
}
