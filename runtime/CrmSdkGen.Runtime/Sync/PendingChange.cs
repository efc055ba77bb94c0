namespace CrmSdkGen.Runtime.Sync;

/// <summary>A local change to a record that the CRM has not received yet: the record's entry in the outbox.</summary>
public enum PendingChange
{
    /// <summary>The local record is what the CRM last sent.</summary>
    None,

    /// <summary>The record was created locally; its key is local until the CRM assigns one.</summary>
    Create,

    /// <summary>The record was changed locally.</summary>
    Update,

    /// <summary>The record was deleted locally.</summary>
    Delete,
}
