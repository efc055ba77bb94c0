using CrmSdkGen.Runtime.Sync;
using CrmSdkGen.Sync.Sqlite;
using CrmSdkGen.Testing.Sync;

namespace CrmSdkGen.Runtime.Tests.Stores;

/// <summary>The crash harness, run against the SQLite store: a name is a file, opened again after each failure.</summary>
public sealed class SqliteStoreCrashTests : SyncStoreCrashTests, IDisposable
{
    private readonly TemporaryFolder _folder = new();

    protected override ISteppedSyncStore OpenStore(string name) => new SqliteSyncStore(_folder.File(name + ".db"));

    public void Dispose() => _folder.Dispose();
}
