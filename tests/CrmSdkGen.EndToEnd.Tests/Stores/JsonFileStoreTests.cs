using CrmSdkGen.Runtime.Sync;
using CrmSdkGen.Testing.Sync;

namespace CrmSdkGen.EndToEnd.Tests.Stores;

/// <summary>The store contract, run against a store written in another project with the runtime's public API only.</summary>
public sealed class JsonFileStoreContractTests : SyncStoreContractTests
{
    private readonly string _folder = Directory.CreateTempSubdirectory("crmsdkgen-jsonstore").FullName;

    protected override ISyncStore CreateStore() => new JsonFileSyncStore(Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".json"));

    protected override ISyncStore ReopenStore(ISyncStore store) => new JsonFileSyncStore(((JsonFileSyncStore)store).Path);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}

/// <summary>The crash harness, run against the same store: each name is a file, read again after every failure.</summary>
public sealed class JsonFileStoreCrashTests : SyncStoreCrashTests, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("crmsdkgen-jsonstore").FullName;

    protected override ISteppedSyncStore OpenStore(string name) => new JsonFileSyncStore(Path.Combine(_folder, name + ".json"));

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
