namespace CrmSdkGen.Runtime.Sync;

/// <summary>What wins when a record changed both locally and in the CRM since they last agreed.</summary>
public enum ConflictPolicy
{
    /// <summary>
    /// Three-way merge against the last synced base, field by field: a field changed on one side takes that change; a
    /// field changed on both sides to different values takes the CRM's. Where either side deleted the record, the CRM's
    /// side wins: a record deleted in the CRM goes, a record deleted locally but changed in the CRM comes back.
    /// </summary>
    FieldMerge,

    /// <summary>The CRM's record, whole; local changes to it are dropped.</summary>
    RemoteWins,

    /// <summary>The local record, whole; pushing it undoes the CRM's changes (and re-creates a record the CRM deleted).</summary>
    LocalWins,

    /// <summary><see cref="SyncOptions.Resolver"/> decides.</summary>
    Custom,
}
