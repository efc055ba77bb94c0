using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CrmSdkGen.Runtime.Webhooks;
using Npgsql;
using NpgsqlTypes;

namespace CrmSdkGen.Sync.PostgreSql;

/// <summary>
/// The webhook inbox in PostgreSQL, shared by any number of receivers and dispatchers: each delivery's events in one
/// statement, a repeated (source, id) ignored, and due events claimed with <c>FOR UPDATE SKIP LOCKED</c>, so that two
/// dispatchers never take the same event at once. A claim lasts <see cref="ClaimTimeout"/>: an event taken by a
/// process that died is due again after it.
/// </summary>
public sealed class PostgreSqlWebhookInbox : IWebhookInbox
{
    private const string Columns = "source, id, payload, received, state, attempts, last_error";
    private const string UpdatedColumns = "item.source, item.id, item.payload, item.received, item.state, item.attempts, item.last_error";
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _schema;

    /// <summary>The inbox in <paramref name="schema"/> of <paramref name="dataSource"/>'s database (created or migrated on first use).</summary>
    public PostgreSqlWebhookInbox(NpgsqlDataSource dataSource, string schema = PostgreSqlSchema.DefaultName)
    {
        _dataSource = dataSource ?? throw new ArgumentNullException(nameof(dataSource));
        PostgreSqlSchema.RequireName(schema);
        _schema = schema;
    }

    /// <summary>How long an event taken by <see cref="TakeDueAsync"/> stays out of other takes (one minute by default).</summary>
    public TimeSpan ClaimTimeout { get; init; } = TimeSpan.FromMinutes(1);

    /// <inheritdoc />
    public async Task<int> AddAsync(IReadOnlyList<WebhookEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return 0;
        }

        await using var command = await CommandAsync(
            $"""
            INSERT INTO {_schema}.webhook_inbox (source, id, payload, received, due)
            SELECT source, id, payload, received, received FROM unnest(@sources, @ids, @payloads, @received) AS item (source, id, payload, received)
            ON CONFLICT (source, id) DO NOTHING;
            """,
            cancellationToken).ConfigureAwait(false);
        command.Parameters.Add(new NpgsqlParameter("sources", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = events.Select(item => item.Source).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = events.Select(item => item.Id).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("payloads", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { Value = events.Select(item => item.Payload.ToArray()).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("received", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = events.Select(item => item.ReceivedAt.UtcDateTime).ToArray() });
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<WebhookEvent>> TakeDueAsync(int max, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var command = await CommandAsync(
            $"""
            WITH taken AS (
                SELECT source, id FROM {_schema}.webhook_inbox WHERE state = 0 AND due <= @now
                ORDER BY due, received LIMIT @max FOR UPDATE SKIP LOCKED)
            UPDATE {_schema}.webhook_inbox AS item SET due = @claimed
            FROM taken WHERE item.source = taken.source AND item.id = taken.id
            RETURNING {UpdatedColumns};
            """,
            cancellationToken).ConfigureAwait(false);
        command.Parameters.AddWithValue("now", now.UtcDateTime);
        command.Parameters.AddWithValue("max", max);
        command.Parameters.AddWithValue("claimed", (now + ClaimTimeout).UtcDateTime);
        var events = await ReadAsync(command, cancellationToken).ConfigureAwait(false);
        events.Sort((left, right) => left.ReceivedAt.CompareTo(right.ReceivedAt));
        return events;
    }

    /// <inheritdoc />
    public Task MarkHandledAsync(string source, string id, CancellationToken cancellationToken = default) =>
        ExecuteAsync($"UPDATE {_schema}.webhook_inbox SET state = {(int)WebhookEventState.Handled} WHERE source = @source AND id = @id;", source, id, null, cancellationToken);

    /// <inheritdoc />
    public Task MarkFailedAsync(string source, string id, string error, DateTimeOffset? retryAt, CancellationToken cancellationToken = default) =>
        ExecuteAsync(
            $"""
            UPDATE {_schema}.webhook_inbox SET attempts = attempts + 1, last_error = @error,
                state = CASE WHEN @due::timestamptz IS NULL THEN {(int)WebhookEventState.DeadLettered} ELSE 0 END, due = coalesce(@due::timestamptz, due)
            WHERE source = @source AND id = @id;
            """,
            source,
            id,
            parameters =>
            {
                parameters.AddWithValue("error", error ?? string.Empty);
                parameters.Add(new NpgsqlParameter("due", NpgsqlDbType.TimestampTz) { Value = retryAt is { } at ? at.UtcDateTime : DBNull.Value });
            },
            cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<WebhookEvent>> GetDeadLettersAsync(CancellationToken cancellationToken = default)
    {
        await using var command = await CommandAsync($"SELECT {Columns} FROM {_schema}.webhook_inbox WHERE state = {(int)WebhookEventState.DeadLettered} ORDER BY received;", cancellationToken).ConfigureAwait(false);
        return await ReadAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<bool> ReplayAsync(string source, string id, CancellationToken cancellationToken = default)
    {
        await using var command = await CommandAsync(
            $"UPDATE {_schema}.webhook_inbox SET state = 0, attempts = 0, due = received WHERE source = @source AND id = @id AND state = {(int)WebhookEventState.DeadLettered};",
            cancellationToken).ConfigureAwait(false);
        command.Parameters.AddWithValue("source", source);
        command.Parameters.AddWithValue("id", id);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    private async Task ExecuteAsync(string sql, string source, string id, Action<NpgsqlParameterCollection>? moreParameters, CancellationToken cancellationToken)
    {
        await using var command = await CommandAsync(sql, cancellationToken).ConfigureAwait(false);
        command.Parameters.AddWithValue("source", source);
        command.Parameters.AddWithValue("id", id);
        moreParameters?.Invoke(command.Parameters);

        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<NpgsqlCommand> CommandAsync(string sql, CancellationToken cancellationToken)
    {
        await PostgreSqlSchema.EnsureAsync(_dataSource, _schema, cancellationToken).ConfigureAwait(false);
        return _dataSource.CreateCommand(sql);
    }

    private static async Task<List<WebhookEvent>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var events = new List<WebhookEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            events.Add(new WebhookEvent(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<byte[]>(2), new DateTimeOffset(reader.GetFieldValue<DateTime>(3), TimeSpan.Zero))
            {
                State = (WebhookEventState)reader.GetInt16(4),
                Attempts = reader.GetInt32(5),
                LastError = reader.IsDBNull(6) ? null : reader.GetString(6),
            });
        }

        return events;
    }
}
