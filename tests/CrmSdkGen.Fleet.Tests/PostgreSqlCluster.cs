using CrmSdkGen.Testing.PostgreSql;
using Npgsql;

namespace CrmSdkGen.Fleet.Tests;

/// <summary>One private PostgreSQL cluster for every test of the collection, each test class in a database of its own.</summary>
public sealed class PostgreSqlCluster : IAsyncLifetime
{
    private TemporaryPostgreSqlServer? _server;

    public TemporaryPostgreSqlServer Server => _server ?? throw new InvalidOperationException("The cluster has not started.");

    /// <summary>A new empty database.</summary>
    public async Task<NpgsqlDataSource> CreateDatabaseAsync() => NpgsqlDataSource.Create(await Server.CreateDatabaseAsync());

    public async Task InitializeAsync() => _server = await TemporaryPostgreSqlServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PostgreSqlCollection : ICollectionFixture<PostgreSqlCluster>
{
    public const string Name = "PostgreSQL";
}
