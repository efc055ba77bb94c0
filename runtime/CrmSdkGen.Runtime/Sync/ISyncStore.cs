using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace CrmSdkGen.Runtime.Sync;

/// <summary>
/// The local copy of a CRM's records and the checkpoints of the syncs that fill it. A change set and the checkpoint
/// it reaches are stored in one transaction, so a sync killed at any moment resumes from a checkpoint that matches
/// the records: nothing lost, nothing applied twice.
/// </summary>
public interface ISyncStore
{
    /// <summary>The record with this key, if the store holds it.</summary>
    Task<JsonElement?> GetAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Every record, by key.</summary>
    Task<IReadOnlyDictionary<string, JsonElement>> GetAllAsync(CancellationToken cancellationToken = default);

    /// <summary>The value of a checkpoint (a watermark, cursor or delta token), if one was stored.</summary>
    Task<string?> GetCheckpointAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Applies <paramref name="changes"/> and, in the same transaction, sets the checkpoint; all or nothing.</summary>
    Task ApplyAsync(ChangeSet changes, string? checkpointName = null, string? checkpointValue = null, CancellationToken cancellationToken = default);
}
