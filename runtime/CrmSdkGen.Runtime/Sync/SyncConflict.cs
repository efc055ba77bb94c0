using System.Collections.Generic;
using System.Text.Json;

namespace CrmSdkGen.Runtime.Sync;

/// <summary>A record changed both locally and in the CRM since they last agreed, and how it was resolved.</summary>
/// <param name="Key">The record's key.</param>
/// <param name="Base">The record as both sides last agreed on it.</param>
/// <param name="Local">The local record; null when it was deleted locally.</param>
/// <param name="Remote">The CRM's record; null when the CRM deleted it.</param>
/// <param name="Fields">JSON Pointers of the fields changed on both sides to different values.</param>
public sealed record SyncConflict(string Key, JsonElement? Base, JsonElement? Local, JsonElement? Remote, IReadOnlyList<string> Fields)
{
    /// <summary>The record the resolution kept (null: deleted), which the next push sends where it differs from <see cref="Remote"/>.</summary>
    public JsonElement? Resolved { get; init; }

    /// <summary>The policy that resolved it.</summary>
    public ConflictPolicy Policy { get; init; }
}
