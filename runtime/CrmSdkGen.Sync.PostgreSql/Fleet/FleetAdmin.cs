using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;

namespace CrmSdkGen.Sync.PostgreSql.Fleet;

/// <summary>
/// Manages the fleet's accounts and jobs: add and remove them, set a rate budget, pause and resume, and read where
/// each stands. Changes take effect at the next lease; a job added is due at once.
/// </summary>
public sealed class FleetAdmin
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _schema;

    /// <summary>The fleet in <paramref name="schema"/> of <paramref name="dataSource"/>.</summary>
    public FleetAdmin(NpgsqlDataSource dataSource, string schema = PostgreSqlSchema.DefaultName)
    {
        _dataSource = dataSource ?? throw new ArgumentNullException(nameof(dataSource));
        PostgreSqlSchema.RequireName(schema);
        _schema = schema;
    }

    /// <summary>Adds an account, or changes its budget; null means no budget.</summary>
    public Task AddAccountAsync(string account, FleetRateBudget? budget = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(account);
        if (budget is { Requests: < 1 } || budget is { Window.TotalMilliseconds: < 1 })
        {
            throw new ArgumentOutOfRangeException(nameof(budget), "A budget allows at least one request in a window of at least a millisecond.");
        }

        return ExecuteAsync(
            $"INSERT INTO {_schema}.fleet_accounts (account, rate_limit, rate_window_ms) VALUES ($1, $2, $3) ON CONFLICT (account) DO UPDATE SET rate_limit = excluded.rate_limit, rate_window_ms = excluded.rate_window_ms;",
            cancellationToken,
            account,
            (object?)budget?.Requests ?? DBNull.Value,
            budget is null ? DBNull.Value : (int)budget.Window.TotalMilliseconds);
    }

    /// <summary>Adds the job that syncs <paramref name="resource"/> of <paramref name="account"/> every <paramref name="interval"/> (plus up to <paramref name="jitter"/>), due at once; an existing job gets the new schedule.</summary>
    public Task AddJobAsync(string account, string resource, TimeSpan interval, TimeSpan jitter = default, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(account);
        ArgumentException.ThrowIfNullOrEmpty(resource);
        if (interval < TimeSpan.Zero || jitter < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(interval), "The interval and the jitter cannot be negative.");
        }

        return ExecuteAsync(
            $"INSERT INTO {_schema}.fleet_jobs (account, resource, interval_ms, jitter_ms, next_run) VALUES ($1, $2, $3, $4, clock_timestamp()) ON CONFLICT (account, resource) DO UPDATE SET interval_ms = excluded.interval_ms, jitter_ms = excluded.jitter_ms;",
            cancellationToken,
            account,
            resource,
            (long)interval.TotalMilliseconds,
            (long)jitter.TotalMilliseconds);
    }

    /// <summary>Removes an account with its jobs; its stored records stay until removed from the store.</summary>
    public Task RemoveAccountAsync(string account, CancellationToken cancellationToken = default) =>
        ExecuteAsync($"DELETE FROM {_schema}.fleet_accounts WHERE account = $1;", cancellationToken, account);

    /// <summary>Stops leasing the account until <see cref="ResumeAccountAsync"/>, with the reason stored.</summary>
    public Task PauseAccountAsync(string account, string reason, CancellationToken cancellationToken = default) =>
        ExecuteAsync($"UPDATE {_schema}.fleet_accounts SET paused_reason = $2, paused_at = clock_timestamp() WHERE account = $1;", cancellationToken, account, reason);

    /// <summary>Runs a paused account again (after its credential was fixed, for instance), its jobs due at once.</summary>
    public async Task ResumeAccountAsync(string account, CancellationToken cancellationToken = default)
    {
        await ExecuteAsync($"UPDATE {_schema}.fleet_accounts SET paused_reason = NULL, paused_at = NULL, auth_failures = 0 WHERE account = $1;", cancellationToken, account).ConfigureAwait(false);
        await RunNowAsync(account, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs a job marked failed again, due at once, its failures forgotten.</summary>
    public Task ResumeJobAsync(string account, string resource, CancellationToken cancellationToken = default) =>
        ExecuteAsync($"UPDATE {_schema}.fleet_jobs SET failed_reason = NULL, failures = 0, next_run = clock_timestamp() WHERE account = $1 AND resource = $2;", cancellationToken, account, resource);

    /// <summary>Makes every job of <paramref name="account"/> (or every job, when null) due at once.</summary>
    public Task RunNowAsync(string? account = null, CancellationToken cancellationToken = default) =>
        ExecuteAsync($"UPDATE {_schema}.fleet_jobs SET next_run = clock_timestamp() WHERE ($1::text IS NULL OR account = $1) AND failed_reason IS NULL;", cancellationToken, (object?)account ?? DBNull.Value);

    /// <summary>Every job, by account and resource.</summary>
    public async Task<IReadOnlyList<FleetJobStatus>> GetJobsAsync(CancellationToken cancellationToken = default)
    {
        await PostgreSqlSchema.EnsureAsync(_dataSource, _schema, cancellationToken).ConfigureAwait(false);
        var jobs = new List<FleetJobStatus>();
        await using var command = _dataSource.CreateCommand($"SELECT account, resource, interval_ms, next_run, runs, failures, last_error, failed_reason, last_success FROM {_schema}.fleet_jobs ORDER BY account, resource;");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            jobs.Add(new FleetJobStatus(
                reader.GetString(0),
                reader.GetString(1),
                TimeSpan.FromMilliseconds(reader.GetInt64(2)),
                reader.GetFieldValue<DateTimeOffset>(3),
                reader.GetInt64(4),
                reader.GetInt32(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetString(7),
                reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8)));
        }

        return jobs;
    }

    /// <summary>Every account.</summary>
    public async Task<IReadOnlyList<FleetAccountStatus>> GetAccountsAsync(CancellationToken cancellationToken = default)
    {
        await PostgreSqlSchema.EnsureAsync(_dataSource, _schema, cancellationToken).ConfigureAwait(false);
        var accounts = new List<FleetAccountStatus>();
        await using var command = _dataSource.CreateCommand($"SELECT account, rate_limit, rate_window_ms, lease_owner, lease_expires, fence, paused_reason FROM {_schema}.fleet_accounts ORDER BY account;");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            accounts.Add(new FleetAccountStatus(
                reader.GetString(0),
                reader.IsDBNull(1) ? null : new FleetRateBudget(reader.GetInt32(1), TimeSpan.FromMilliseconds(reader.GetInt32(2))),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4),
                reader.GetInt64(5),
                reader.IsDBNull(6) ? null : reader.GetString(6)));
        }

        return accounts;
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken, params object[] values)
    {
        await PostgreSqlSchema.EnsureAsync(_dataSource, _schema, cancellationToken).ConfigureAwait(false);
        await using var command = _dataSource.CreateCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
