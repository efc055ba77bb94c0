namespace CrmSdkGen.Runtime.Sync;

/// <summary>
/// Where a resource's records keep what sync needs. Generated adapters fill these from the spec; set them to override
/// that choice. Fields are property names, or paths of names separated by '/' (such as "properties/hs_lastmodifieddate").
/// </summary>
public sealed class SyncAdapterOptions
{
    /// <summary>The resource's name, which names its checkpoint; two adapters syncing into one store need different names.</summary>
    public string Resource { get; set; } = "records";

    /// <summary>How the resource reports changes.</summary>
    public SyncPullMode PullMode { get; set; } = SyncPullMode.Full;

    /// <summary>The field that holds a record's key. Default "id".</summary>
    public string KeyField { get; set; } = "id";

    /// <summary>The field with the time of a record's last change (an ISO 8601 instant or Unix milliseconds), for watermark pulls.</summary>
    public string? ModifiedField { get; set; }

    /// <summary>A boolean field that marks a record deleted or archived (a tombstone), such as HubSpot's "archived".</summary>
    public string? DeletedField { get; set; }

    /// <summary>The field with the record's entity tag, for If-Match on updates and deletes (Dataverse "@odata.etag").</summary>
    public string? ETagField { get; set; }

    /// <summary>
    /// How many records a page asks for, where the list operation takes a page size; null leaves the CRM's default.
    /// Generated adapters ask for the largest page the spec allows.
    /// </summary>
    public int? PageSize { get; set; }

    /// <summary>How a <see cref="SyncPullMode.Search"/> resource searches; null for the other modes.</summary>
    public SyncSearchOptions? Search { get; set; }

    /// <summary>How many records one batch call may carry; 1 when the resource has no batch endpoint.</summary>
    public int BatchSize { get; set; } = 1;

    /// <summary>
    /// Whether an update sends the whole local record (<see cref="SyncUpdate.Record"/>) rather than only the changes.
    /// Generated adapters set it for PUT updates; set it to false for a CRM whose PUT takes a partial record
    /// (Pipedrive), or whose request body types some fields differently from its answers (Pipedrive's owner_id).
    /// </summary>
    public bool UpdateSendsRecord { get; set; }
}
