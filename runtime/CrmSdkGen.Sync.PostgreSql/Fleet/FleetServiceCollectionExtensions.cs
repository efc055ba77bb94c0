using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CrmSdkGen.Sync.PostgreSql.Fleet;

/// <summary>Registers a fleet worker as a hosted service.</summary>
public static class FleetServiceCollectionExtensions
{
    /// <summary>
    /// Adds a <see cref="FleetWorker"/> on the registered <see cref="NpgsqlDataSource"/> (or on
    /// <paramref name="connectionString"/>) and a <see cref="FleetHostedService"/> that runs it.
    /// </summary>
    public static IServiceCollection AddCrmSyncFleet(this IServiceCollection services, Action<FleetOptions> configure, string? connectionString = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        if (connectionString is not null)
        {
            services.TryAddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        }

        services.AddSingleton(provider =>
        {
            var options = new FleetOptions();
            configure(options);
            return new FleetWorker(provider.GetRequiredService<NpgsqlDataSource>(), options, provider.GetService<ILoggerFactory>());
        });
        services.AddHostedService<FleetHostedService>();
        return services;
    }
}
