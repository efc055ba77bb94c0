using CrmSdkGen.Runtime.Sync;
using CrmSdkGen.Testing.Sync;

namespace CrmSdkGen.Runtime.Tests.Stores;

/// <summary>The crash harness, run against the in-memory store: one instance per name stands for its storage.</summary>
public sealed class InMemoryStoreCrashTests : SyncStoreCrashTests
{
    private readonly Dictionary<string, InMemorySyncStore> _stores = new(StringComparer.Ordinal);

    protected override ISteppedSyncStore OpenStore(string name) =>
        _stores.TryGetValue(name, out var store) ? store : _stores[name] = new InMemorySyncStore();
}
