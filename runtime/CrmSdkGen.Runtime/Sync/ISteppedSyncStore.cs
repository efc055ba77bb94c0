using System;

namespace CrmSdkGen.Runtime.Sync;

/// <summary>
/// A store that reports each step of its commits as it reaches it, so that crash tests can fail or kill a sync at that
/// exact point (the store contract's crash harness drives every step). A store that implements it must stay all or
/// nothing when the callback throws: the commit is not applied.
/// </summary>
public interface ISteppedSyncStore : ISyncStore
{
    /// <summary>
    /// Called at each step of every commit, inside its transaction until <see cref="SyncCommitStep.Committed"/>;
    /// <see cref="SyncCommitStep.RecordWritten"/> once per record. Null (the default) reports nothing.
    /// </summary>
    Action<SyncCommitStep>? StepReached { get; set; }
}
