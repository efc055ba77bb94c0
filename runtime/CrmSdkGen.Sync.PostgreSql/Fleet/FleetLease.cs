using System;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;

namespace CrmSdkGen.Sync.PostgreSql.Fleet;

/// <summary>
/// One worker's lease on one account, with its fencing token: every commit and every request grant checks, in the
/// database and under the account row's lock, that the lease is still this one and unexpired. A takeover waits for that
/// lock, so once it has happened no write of the old holder can land.
/// </summary>
internal sealed class FleetLease : IDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _schema;
    private readonly CancellationTokenSource _lost = new();

    private FleetLease(NpgsqlDataSource dataSource, string schema, string account, string owner, long fence, string? previousOwner)
    {
        (_dataSource, _schema, Account, Owner, Fence, PreviousOwner) = (dataSource, schema, account, owner, fence, previousOwner);
    }

    public string Account { get; }

    public string Owner { get; }

    public long Fence { get; }

    /// <summary>The worker whose expired lease this one took over, if any.</summary>
    public string? PreviousOwner { get; }

    /// <summary>Cancelled once the lease is known to be lost.</summary>
    public CancellationToken LostToken => _lost.Token;

    public bool IsLost => _lost.IsCancellationRequested;

    // The account whose earliest due job has waited longest, not paused, its lease free or expired.
    public static async Task<FleetLease?> TryAcquireAsync(NpgsqlDataSource dataSource, string schema, string owner, TimeSpan duration, CancellationToken cancellationToken)
    {
        await PostgreSqlSchema.EnsureAsync(dataSource, schema, cancellationToken).ConfigureAwait(false);
        await using var command = dataSource.CreateCommand($"""
            WITH candidate AS (
                SELECT a.account, a.lease_owner AS previous FROM {schema}.fleet_accounts a
                WHERE a.paused_reason IS NULL AND (a.lease_owner IS NULL OR a.lease_expires < clock_timestamp())
                  AND EXISTS (SELECT 1 FROM {schema}.fleet_jobs j WHERE j.account = a.account AND j.failed_reason IS NULL AND j.next_run <= clock_timestamp())
                ORDER BY (SELECT min(j.next_run) FROM {schema}.fleet_jobs j WHERE j.account = a.account AND j.failed_reason IS NULL)
                LIMIT 1
                FOR UPDATE OF a SKIP LOCKED)
            UPDATE {schema}.fleet_accounts a
            SET lease_owner = $1, lease_expires = clock_timestamp() + $2 * interval '1 millisecond', fence = a.fence + 1
            FROM candidate c WHERE a.account = c.account
            RETURNING a.account, a.fence, c.previous;
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = owner });
        command.Parameters.Add(new NpgsqlParameter { Value = (long)duration.TotalMilliseconds });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new FleetLease(dataSource, schema, reader.GetString(0), owner, reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetString(2))
            : null;
    }

    /// <summary>Extends the lease; false (and the lease marked lost) when it expired or was taken over.</summary>
    public async Task<bool> RenewAsync(TimeSpan duration, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand($"""
            UPDATE {_schema}.fleet_accounts SET lease_expires = clock_timestamp() + $4 * interval '1 millisecond'
            WHERE account = $1 AND lease_owner = $2 AND fence = $3 AND lease_expires > clock_timestamp();
            """);
        AddIdentity(command);
        command.Parameters.Add(new NpgsqlParameter { Value = (long)duration.TotalMilliseconds });
        var renewed = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        if (!renewed)
        {
            MarkLost();
        }

        return renewed;
    }

    /// <summary>Gives the account back, so that another worker can take it when a job is due.</summary>
    public async Task ReleaseAsync(CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand($"UPDATE {_schema}.fleet_accounts SET lease_owner = NULL, lease_expires = NULL WHERE account = $1 AND lease_owner = $2 AND fence = $3;");
        AddIdentity(command);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Inside a commit's transaction: locks the account row and throws unless this lease still holds it.</summary>
    public async Task VerifyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT 1 FROM {_schema}.fleet_accounts WHERE account = $1 AND lease_owner = $2 AND fence = $3 AND lease_expires > clock_timestamp() FOR UPDATE;",
            connection,
            transaction);
        AddIdentity(command);
        if (await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is null)
        {
            MarkLost();
            throw new FleetLeaseLostException(Account, Fence);
        }
    }

    public void MarkLost()
    {
        try
        {
            _lost.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The run is over; nothing is left to stop.
        }
    }

    public void AddIdentity(NpgsqlCommand command)
    {
        command.Parameters.Add(new NpgsqlParameter { Value = Account });
        command.Parameters.Add(new NpgsqlParameter { Value = Owner });
        command.Parameters.Add(new NpgsqlParameter { Value = Fence });
    }

    public void Dispose() => _lost.Dispose();
}
