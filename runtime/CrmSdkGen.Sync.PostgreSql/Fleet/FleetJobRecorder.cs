using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;

namespace CrmSdkGen.Sync.PostgreSql.Fleet;

/// <summary>
/// Reads a leased account's due jobs and records how their runs ended: the next run (interval and jitter after a success,
/// backoff after a failure), a job marked failed after too many failures, an account paused after repeated 401/403.
/// Every write is fenced: it lands only while the lease is still the caller's.
/// </summary>
internal static class FleetJobRecorder
{
    private const string Fenced = "EXISTS (SELECT 1 FROM {0}.fleet_accounts a WHERE a.account = $1 AND a.lease_owner = $2 AND a.fence = $3)";

    public static async Task<IReadOnlyList<FleetDueJob>> DueJobsAsync(NpgsqlDataSource dataSource, string schema, FleetLease lease, CancellationToken cancellationToken)
    {
        var jobs = new List<FleetDueJob>();
        await using var command = dataSource.CreateCommand(
            $"SELECT resource, interval_ms, jitter_ms, failures, last_success FROM {schema}.fleet_jobs WHERE account = $1 AND failed_reason IS NULL AND next_run <= clock_timestamp() ORDER BY next_run;");
        command.Parameters.Add(new NpgsqlParameter { Value = lease.Account });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            jobs.Add(new FleetDueJob(
                reader.GetString(0),
                TimeSpan.FromMilliseconds(reader.GetInt64(1)),
                TimeSpan.FromMilliseconds(reader.GetInt64(2)),
                reader.GetInt32(3),
                reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4)));
        }

        return jobs;
    }

    public static async Task SucceededAsync(NpgsqlDataSource dataSource, string schema, FleetLease lease, FleetDueJob job, CancellationToken cancellationToken)
    {
        var next = job.Interval + TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * job.Jitter.TotalMilliseconds);
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(Command(
            $"UPDATE {schema}.fleet_jobs SET failures = 0, last_error = NULL, runs = runs + 1, last_success = clock_timestamp(), next_run = clock_timestamp() + $5 * interval '1 millisecond' WHERE account = $1 AND resource = $4 AND {string.Format(null, Fenced, schema)};",
            lease,
            job.Resource,
            (long)next.TotalMilliseconds));
        batch.BatchCommands.Add(Command($"UPDATE {schema}.fleet_accounts SET auth_failures = 0 WHERE account = $1 AND lease_owner = $2 AND fence = $3 AND auth_failures <> 0;", lease));
        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records a failed run; returns the failures in a row and, when the job is now marked failed, the reason.</summary>
    public static async Task<(int Failures, string? FailedReason)> FailedAsync(NpgsqlDataSource dataSource, string schema, FleetLease lease, FleetDueJob job, string error, FleetOptions options, CancellationToken cancellationToken)
    {
        var failures = job.Failures + 1;
        var backoff = Backoff(options, failures);
        await using var command = dataSource.CreateCommand($"""
            UPDATE {schema}.fleet_jobs SET failures = failures + 1, last_error = $5, runs = runs + 1,
                next_run = clock_timestamp() + $6 * interval '1 millisecond',
                failed_reason = CASE WHEN failures + 1 >= $7 THEN 'failed ' || (failures + 1) || ' times in a row; last: ' || $5 ELSE NULL END
            WHERE account = $1 AND resource = $4 AND {string.Format(null, Fenced, schema)}
            RETURNING failures, failed_reason;
            """);
        lease.AddIdentity(command);
        command.Parameters.Add(new NpgsqlParameter { Value = job.Resource });
        command.Parameters.Add(new NpgsqlParameter { Value = error });
        command.Parameters.Add(new NpgsqlParameter { Value = (long)backoff.TotalMilliseconds });
        command.Parameters.Add(new NpgsqlParameter { Value = options.MaxFailures });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? (reader.GetInt32(0), reader.IsDBNull(1) ? null : reader.GetString(1))
            : (failures, null);
    }

    /// <summary>Counts a 401/403 against the account; returns the reason when the account is now paused.</summary>
    public static async Task<string?> AuthFailedAsync(NpgsqlDataSource dataSource, string schema, FleetLease lease, string reason, int pauseAfter, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            UPDATE {schema}.fleet_accounts SET auth_failures = auth_failures + 1,
                paused_reason = CASE WHEN auth_failures + 1 >= $4 THEN $5 ELSE paused_reason END,
                paused_at = CASE WHEN auth_failures + 1 >= $4 THEN clock_timestamp() ELSE paused_at END
            WHERE account = $1 AND lease_owner = $2 AND fence = $3
            RETURNING paused_reason;
            """);
        lease.AddIdentity(command);
        command.Parameters.Add(new NpgsqlParameter { Value = pauseAfter });
        command.Parameters.Add(new NpgsqlParameter { Value = reason });
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }

    // Doubles from the base with each failure in a row, up to the cap, and keeps between half and all of it, so that
    // the jobs of a CRM that failed for everyone at once do not all come back at the same moment.
    public static TimeSpan Backoff(FleetOptions options, int failures)
    {
        var doubled = options.BaseBackoff.TotalMilliseconds * Math.Pow(2, Math.Min(failures - 1, 30));
        var capped = Math.Min(doubled, options.MaxBackoff.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.5 + (Random.Shared.NextDouble() / 2)));
    }

    private static NpgsqlBatchCommand Command(string sql, FleetLease lease, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = lease.Account });
        command.Parameters.Add(new NpgsqlParameter { Value = lease.Owner });
        command.Parameters.Add(new NpgsqlParameter { Value = lease.Fence });
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return command;
    }
}
