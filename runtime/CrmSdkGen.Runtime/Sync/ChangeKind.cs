namespace CrmSdkGen.Runtime.Sync;

/// <summary>What happened to one record between two states.</summary>
public enum ChangeKind
{
    /// <summary>The record appeared, or was replaced whole; the change carries the record.</summary>
    Created,

    /// <summary>Fields of the record changed; the change carries their JSON Patch.</summary>
    Updated,

    /// <summary>The record is gone.</summary>
    Deleted,
}
