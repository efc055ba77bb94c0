using System.Collections.Generic;

namespace CrmSdkGen.Runtime.Sync;

/// <summary>What a sync did.</summary>
public sealed class SyncResult
{
    /// <summary>Records the pull added to the local copy.</summary>
    public int Created { get; internal set; }

    /// <summary>Records the pull changed in the local copy.</summary>
    public int Updated { get; internal set; }

    /// <summary>Records the pull removed from the local copy.</summary>
    public int Deleted { get; internal set; }

    /// <summary>Pages fetched.</summary>
    public int Pages { get; internal set; }

    /// <summary>Whether the pull listed every record (first sync, <see cref="SyncPullMode.Full"/>, or an expired token).</summary>
    public bool FullListing { get; internal set; }

    /// <summary>Local records created in the CRM.</summary>
    public int PushedCreates { get; internal set; }

    /// <summary>Local changes sent to the CRM.</summary>
    public int PushedUpdates { get; internal set; }

    /// <summary>Local deletes sent to the CRM.</summary>
    public int PushedDeletes { get; internal set; }

    /// <summary>The changes the pull applied to the local copy, when <see cref="SyncOptions.CollectChanges"/> is on.</summary>
    public ChangeSet? Changes { get; internal set; }

    /// <summary>Local changes the CRM refused (one bad record never stops the others); they stay in the outbox.</summary>
    public List<SyncPushFailure> Failures { get; } = new();

    /// <summary>The conflicts found and how each was resolved.</summary>
    public List<SyncConflict> Conflicts { get; } = new();
}
