using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using CrmSdkGen.Runtime.Webhooks;
using Microsoft.Data.Sqlite;

namespace CrmSdkGen.Sync.Sqlite;

/// <summary>
/// The webhook inbox in a SQLite file (write-ahead log): each delivery's events in one transaction, a repeated
/// (source, id) ignored, pending events kept across restarts until handled or dead-lettered. One process at a time.
/// </summary>
public sealed class SqliteWebhookInbox : IWebhookInbox, IDisposable
{
    private const string Columns = "source, id, payload, received, state, attempts, last_error";
    private readonly SqliteStatements _statements;

    /// <summary>Opens (and creates if needed) the inbox in the SQLite file at <paramref name="path"/>.</summary>
    public SqliteWebhookInbox(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        _statements = SqliteStatements.Open(path, """
            CREATE TABLE IF NOT EXISTS webhook_inbox (
                source TEXT NOT NULL, id TEXT NOT NULL, payload BLOB NOT NULL, received INTEGER NOT NULL,
                state INTEGER NOT NULL, attempts INTEGER NOT NULL, last_error TEXT, due INTEGER NOT NULL,
                PRIMARY KEY (source, id));
            CREATE INDEX IF NOT EXISTS webhook_inbox_due ON webhook_inbox (due) WHERE state = 0;
            """);
        try
        {
            _statements.RequireColumns("webhook_inbox", "payload", "state", "attempts", "due");
        }
        catch
        {
            _statements.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public Task<int> AddAsync(IReadOnlyList<WebhookEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        return Locked(cancellationToken, () =>
        {
            using var transaction = _statements.Connection.BeginTransaction();
            var insert = _statements.Get(
                "INSERT OR IGNORE INTO webhook_inbox (source, id, payload, received, state, attempts, due) VALUES ($source, $id, $payload, $received, 0, 0, $received);",
                transaction,
                "$source",
                "$id",
                "$payload",
                "$received");
            var added = 0;
            foreach (var item in events)
            {
                insert.Parameters[0].Value = item.Source;
                insert.Parameters[1].Value = item.Id;
                insert.Parameters[2].Value = item.Payload.ToArray();
                insert.Parameters[3].Value = item.ReceivedAt.ToUnixTimeMilliseconds();
                added += insert.ExecuteNonQuery();
            }

            transaction.Commit();
            return added;
        });
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<WebhookEvent>> TakeDueAsync(int max, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        Locked<IReadOnlyList<WebhookEvent>>(cancellationToken, () =>
        {
            var command = _statements.Get($"SELECT {Columns} FROM webhook_inbox WHERE state = 0 AND due <= $now ORDER BY due, received LIMIT $max;", null, "$now", "$max");
            command.Parameters[0].Value = now.ToUnixTimeMilliseconds();
            command.Parameters[1].Value = max;
            return Read(command);
        });

    /// <inheritdoc />
    public Task MarkHandledAsync(string source, string id, CancellationToken cancellationToken = default) =>
        Execute(cancellationToken, $"UPDATE webhook_inbox SET state = {(int)WebhookEventState.Handled} WHERE source = $source AND id = $id;", ("$source", source), ("$id", id));

    /// <inheritdoc />
    public Task MarkFailedAsync(string source, string id, string error, DateTimeOffset? retryAt, CancellationToken cancellationToken = default) =>
        Execute(
            cancellationToken,
            $"UPDATE webhook_inbox SET attempts = attempts + 1, last_error = $error, state = CASE WHEN $due IS NULL THEN {(int)WebhookEventState.DeadLettered} ELSE 0 END, due = COALESCE($due, due) WHERE source = $source AND id = $id;",
            ("$source", source),
            ("$id", id),
            ("$error", error),
            ("$due", retryAt?.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)));

    /// <inheritdoc />
    public Task<IReadOnlyList<WebhookEvent>> GetDeadLettersAsync(CancellationToken cancellationToken = default) =>
        Locked<IReadOnlyList<WebhookEvent>>(cancellationToken, () =>
        {
            using var command = _statements.Command($"SELECT {Columns} FROM webhook_inbox WHERE state = {(int)WebhookEventState.DeadLettered} ORDER BY received;", null);
            return Read(command);
        });

    /// <inheritdoc />
    public Task<bool> ReplayAsync(string source, string id, CancellationToken cancellationToken = default) =>
        Locked(cancellationToken, () =>
        {
            using var command = _statements.Command(
                $"UPDATE webhook_inbox SET state = 0, attempts = 0, due = received WHERE source = $source AND id = $id AND state = {(int)WebhookEventState.DeadLettered};",
                null,
                ("$source", source),
                ("$id", id));
            return command.ExecuteNonQuery() == 1;
        });

    /// <inheritdoc />
    public void Dispose()
    {
        _statements.Dispose();
    }

    private static List<WebhookEvent> Read(SqliteCommand command)
    {
        var events = new List<WebhookEvent>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            events.Add(new WebhookEvent(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<byte[]>(2), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)))
            {
                State = (WebhookEventState)reader.GetInt32(4),
                Attempts = reader.GetInt32(5),
                LastError = reader.IsDBNull(6) ? null : reader.GetString(6),
            });
        }

        return events;
    }

    private Task Execute(CancellationToken cancellationToken, string sql, params (string Name, string? Value)[] parameters) =>
        Locked(cancellationToken, () =>
        {
            using var command = _statements.Command(sql, null, parameters);
            return command.ExecuteNonQuery();
        });

    private Task<T> Locked<T>(CancellationToken cancellationToken, Func<T> work) => _statements.Locked(cancellationToken, work);
}
