using CrmSdkGen.Runtime.Sync;
using CrmSdkGen.Testing.Sync;

namespace CrmSdkGen.Runtime.Tests.Stores;

/// <summary>The store contract, run against the in-memory store.</summary>
public sealed class InMemoryStoreContractTests : SyncStoreContractTests
{
    protected override ISyncStore CreateStore() => new InMemorySyncStore();
}
