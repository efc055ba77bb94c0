using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;

namespace CrmSdkGen.Sync.PostgreSql.Fleet;

/// <summary>Runs a <see cref="FleetWorker"/> for the life of a Microsoft.Extensions.Hosting host.</summary>
public sealed class FleetHostedService : BackgroundService
{
    private readonly FleetWorker _worker;

    /// <summary>The service that runs <paramref name="worker"/>.</summary>
    public FleetHostedService(FleetWorker worker) => _worker = worker;

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => _worker.RunAsync(stoppingToken);
}
