using System.Text.Json;
using CrmSdkGen.Runtime.Sync;

namespace CrmSdkGen.Tests.Runtime;

/// <summary>A resource listed whole on every pull, enough to drive the engine's merge without a server.</summary>
internal sealed class MemoryCrm() : SyncAdapter(new SyncAdapterOptions { Resource = "memory", PullMode = SyncPullMode.Full })
{
    public Dictionary<string, JsonElement> Records { get; } = new();

    public override Task<SyncPage> FetchPageAsync(SyncPageRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new SyncPage(Records.Values.ToList(), null));
}
