using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using CrmSdkGen.Runtime.Diff;
using Microsoft.Data.Sqlite;

namespace CrmSdkGen.Runtime.Sync;

/// <summary>
/// The embedded default store: records and checkpoints in one SQLite file, each change set applied with its checkpoint
/// in one transaction. The file survives the process, so a sync resumes where the last committed change set ended.
/// </summary>
public sealed class SqliteSyncStore : ISyncStore, IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Opens (and creates if needed) the store in the SQLite file at <paramref name="path"/>.</summary>
    public SqliteSyncStore(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        _connection.Open();
        Execute("PRAGMA journal_mode=WAL;");
        Execute("CREATE TABLE IF NOT EXISTS records (key TEXT PRIMARY KEY, json TEXT NOT NULL);");
        Execute("CREATE TABLE IF NOT EXISTS checkpoints (name TEXT PRIMARY KEY, value TEXT NOT NULL);");
    }

    /// <inheritdoc />
    public async Task<JsonElement?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var command = Command("SELECT json FROM records WHERE key = $key;", null, ("$key", key));
            return command.ExecuteScalar() is string json ? Parse(json) : null;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, JsonElement>> GetAllAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var records = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            using var command = Command("SELECT key, json FROM records ORDER BY key;", null);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                records[reader.GetString(0)] = Parse(reader.GetString(1));
            }

            return records;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<string?> GetCheckpointAsync(string name, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var command = Command("SELECT value FROM checkpoints WHERE name = $name;", null, ("$name", name));
            return command.ExecuteScalar() as string;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task ApplyAsync(ChangeSet changes, string? checkpointName = null, string? checkpointValue = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var transaction = _connection.BeginTransaction();
            foreach (var change in changes.Changes)
            {
                Apply(change, transaction);
            }

            if (checkpointName is not null && checkpointValue is not null)
            {
                using var checkpoint = Command("INSERT INTO checkpoints (name, value) VALUES ($name, $value) ON CONFLICT(name) DO UPDATE SET value = excluded.value;", transaction, ("$name", checkpointName), ("$value", checkpointValue));
                checkpoint.ExecuteNonQuery();
            }

            transaction.Commit();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _connection.Dispose();
        _gate.Dispose();
    }

    private void Apply(RecordChange change, SqliteTransaction transaction)
    {
        switch (change.Kind)
        {
            case ChangeKind.Created:
                using (var insert = Command("INSERT INTO records (key, json) VALUES ($key, $json) ON CONFLICT(key) DO UPDATE SET json = excluded.json;", transaction, ("$key", change.Key), ("$json", change.Record!.Value.GetRawText())))
                {
                    insert.ExecuteNonQuery();
                }

                break;
            case ChangeKind.Updated:
                string current;
                using (var select = Command("SELECT json FROM records WHERE key = $key;", transaction, ("$key", change.Key)))
                {
                    current = select.ExecuteScalar() as string ?? throw Missing(change);
                }

                var patched = JsonPatchApplier.Apply(JsonNode.Parse(current), change.Patch)?.ToJsonString() ?? "null";
                using (var update = Command("UPDATE records SET json = $json WHERE key = $key;", transaction, ("$key", change.Key), ("$json", patched)))
                {
                    update.ExecuteNonQuery();
                }

                break;
            default:
                using (var delete = Command("DELETE FROM records WHERE key = $key;", transaction, ("$key", change.Key)))
                {
                    if (delete.ExecuteNonQuery() == 0)
                    {
                        throw Missing(change);
                    }
                }

                break;
        }
    }

    private SqliteCommand Command(string sql, SqliteTransaction? transaction, params (string Name, string Value)[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }

    private void Execute(string sql)
    {
        using var command = Command(sql, null);
        command.ExecuteNonQuery();
    }

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private static InvalidOperationException Missing(RecordChange change) => new($"The {change.Kind} change names record '{change.Key}', which the store does not hold.");
}
