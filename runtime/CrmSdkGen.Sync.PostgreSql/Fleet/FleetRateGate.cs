using System;
using System.Diagnostics;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;

namespace CrmSdkGen.Sync.PostgreSql.Fleet;

/// <summary>
/// The handler in front of every request of a leased account: it takes a grant from the account's budget in the
/// database (waiting while the budget is spent) and refuses to send once the lease is lost, so a worker that was paused
/// or cut off neither writes nor spends the budget of the worker that took over.
/// </summary>
internal sealed class FleetRateGate : DelegatingHandler
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _schema;
    private readonly FleetLease _lease;
    private readonly TimeSpan _margin;

    public FleetRateGate(NpgsqlDataSource dataSource, string schema, FleetLease lease, TimeSpan margin, HttpMessageHandler inner)
        : base(inner)
    {
        (_dataSource, _schema, _lease, _margin) = (dataSource, schema, lease, margin);
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await AcquireAsync(cancellationToken).ConfigureAwait(false);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private async Task AcquireAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            // A grant that took long to reach this worker (a pause, a slow answer) may reach the CRM in a later window
            // than it was counted in: it is dropped and another one taken.
            var asked = Stopwatch.GetTimestamp();
            long wait;
            await using (var command = _dataSource.CreateCommand($"SELECT {_schema}.fleet_take_grant($1, $2, $3, $4);"))
            {
                _lease.AddIdentity(command);
                command.Parameters.Add(new NpgsqlParameter { Value = (int)_margin.TotalMilliseconds });
                wait = (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            }

            if (wait == 0 && Stopwatch.GetElapsedTime(asked) <= _margin / 2)
            {
                return;
            }

            if (wait == 0)
            {
                continue;
            }

            if (wait < 0)
            {
                _lease.MarkLost();
                throw new FleetLeaseLostException(_lease.Account, _lease.Fence);
            }

            FleetMetrics.RateWaits.Add(1);
            await Task.Delay(TimeSpan.FromMilliseconds(wait), cancellationToken).ConfigureAwait(false);
        }
    }
}
