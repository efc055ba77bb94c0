using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace CrmSdkGen.Runtime.Sync;

/// <summary>
/// The local copy of a CRM's records: each record with its last synced base and its pending local change (the outbox),
/// the checkpoints of the syncs that fill it, and the keys a full listing has reached. Every <see cref="SyncCommit"/>
/// is applied in one transaction, so a sync killed at any moment resumes from a checkpoint that matches the records:
/// nothing lost, nothing applied twice.
/// </summary>
public interface ISyncStore
{
    /// <summary>The record with this key, if the store holds it (a locally deleted record is held until it is pushed).</summary>
    Task<SyncRecord?> GetAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>The records with these keys that the store holds.</summary>
    Task<IReadOnlyDictionary<string, SyncRecord>> GetManyAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default);

    /// <summary>Every record as the application sees it (locally deleted ones left out), by key.</summary>
    Task<IReadOnlyDictionary<string, JsonElement>> GetAllAsync(CancellationToken cancellationToken = default);

    /// <summary>The outbox: records with a pending change, in the order they were first changed.</summary>
    Task<IReadOnlyList<SyncRecord>> GetPendingAsync(CancellationToken cancellationToken = default);

    /// <summary>The keys of records that a full listing in <paramref name="scope"/> has not reached, leaving out local creations.</summary>
    Task<IReadOnlyList<string>> GetUnseenAsync(string scope, CancellationToken cancellationToken = default);

    /// <summary>The value of a checkpoint, if one was stored.</summary>
    Task<string?> GetCheckpointAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Applies every write of <paramref name="commit"/> in one transaction: all or nothing.</summary>
    Task CommitAsync(SyncCommit commit, CancellationToken cancellationToken = default);
}
