using CrmSdkGen.Runtime.Sync;
using CrmSdkGen.Sync.PostgreSql;
using CrmSdkGen.Testing.Sync;
using Npgsql;

namespace CrmSdkGen.Fleet.Tests.Stores;

/// <summary>The store contract, run against the PostgreSQL store: each store an account of its own in one database, reopened as a new instance.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlStoreContractTests(PostgreSqlCluster cluster) : SyncStoreContractTests
{
    private NpgsqlDataSource? _database;

    public override async Task InitializeAsync()
    {
        _database = await cluster.CreateDatabaseAsync();
        await base.InitializeAsync();
    }

    protected override ISyncStore CreateStore() => new PostgreSqlSyncStore(_database!, "account-" + Guid.NewGuid().ToString("N"), "contacts");

    protected override ISyncStore ReopenStore(ISyncStore store)
    {
        var postgres = (PostgreSqlSyncStore)store;
        return new PostgreSqlSyncStore(_database!, postgres.Account, postgres.Resource);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
