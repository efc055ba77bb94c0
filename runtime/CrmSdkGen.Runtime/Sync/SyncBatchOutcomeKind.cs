namespace CrmSdkGen.Runtime.Sync;

/// <summary>What became of one record of a batch call.</summary>
public enum SyncBatchOutcomeKind
{
    /// <summary>Applied; the outcome carries the record as the CRM stored it.</summary>
    Applied,

    /// <summary>The CRM has no such record.</summary>
    Missing,

    /// <summary>The CRM refused the record.</summary>
    Failed,

    /// <summary>The CRM did not apply the record because the batch failed for others.</summary>
    NotApplied,
}
