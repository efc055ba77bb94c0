using CrmSdkGen.Runtime.Sync;
using CrmSdkGen.Sync.PostgreSql;
using CrmSdkGen.Testing.Sync;
using Npgsql;

namespace CrmSdkGen.Fleet.Tests.Stores;

/// <summary>The crash harness, run against the PostgreSQL store: a name is an account in the class's database, opened again as a new instance after each failure.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlStoreCrashTests(PostgreSqlCluster cluster) : SyncStoreCrashTests, IAsyncLifetime
{
    private NpgsqlDataSource? _database;

    protected override ISteppedSyncStore OpenStore(string name) => new PostgreSqlSyncStore(_database!, name, "contacts");

    public async Task InitializeAsync() => _database = await cluster.CreateDatabaseAsync();

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
