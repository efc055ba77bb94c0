namespace CrmSdkGen.Runtime.Sync;

/// <summary>
/// The points of a store's commit, in order, that a <see cref="ISteppedSyncStore"/> reports so that crash tests can fail
/// or kill the process at each of them.
/// </summary>
public enum SyncCommitStep
{
    /// <summary>The transaction has begun.</summary>
    Begun,

    /// <summary>A full listing's earlier seen marks are cleared.</summary>
    SeenCleared,

    /// <summary>One record (its local copy, base and pending change, the outbox entry) is written; reached once per record.</summary>
    RecordWritten,

    /// <summary>Every record of the commit is written.</summary>
    RecordsWritten,

    /// <summary>The keys a full listing reached are marked.</summary>
    SeenMarked,

    /// <summary>The checkpoint is written; the transaction is not committed yet.</summary>
    CheckpointWritten,

    /// <summary>The transaction is committed.</summary>
    Committed,
}
