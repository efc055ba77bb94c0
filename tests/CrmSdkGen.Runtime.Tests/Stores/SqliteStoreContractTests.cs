using CrmSdkGen.Runtime.Sync;
using CrmSdkGen.Sync.Sqlite;
using CrmSdkGen.Testing.Sync;

namespace CrmSdkGen.Runtime.Tests.Stores;

/// <summary>The store contract, run against the SQLite store: each test's stores in files of its own, reopened from the file.</summary>
public sealed class SqliteStoreContractTests : SyncStoreContractTests
{
    private readonly TemporaryFolder _folder = new();
    private readonly Dictionary<ISyncStore, string> _paths = new();

    protected override ISyncStore CreateStore()
    {
        var path = _folder.File(Guid.NewGuid().ToString("N") + ".db");
        var store = new SqliteSyncStore(path, "contacts");
        _paths[store] = path;
        return store;
    }

    protected override ISyncStore ReopenStore(ISyncStore store)
    {
        ((SqliteSyncStore)store).Dispose();
        return new SqliteSyncStore(_paths[store], "contacts");
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _folder.Dispose();
    }
}
