using System.Text.Json;

namespace CrmSdkGen.Runtime.Sync;

/// <summary>One record as a sync store holds it.</summary>
/// <param name="Key">The record's key: the CRM's id, or a local key for a record created locally and not pushed yet.</param>
/// <param name="Local">The record as the application sees it; null when it was deleted locally.</param>
/// <param name="Base">The record as the CRM last sent it (the base of three-way merges); null when the CRM has never sent it.</param>
/// <param name="Pending">The local change waiting to be pushed, if any.</param>
public sealed record SyncRecord(string Key, JsonElement? Local, JsonElement? Base, PendingChange Pending)
{
    /// <summary>A record as the CRM sent it, with nothing pending.</summary>
    public static SyncRecord Synced(string key, JsonElement record) => new(key, record, record, PendingChange.None);
}
