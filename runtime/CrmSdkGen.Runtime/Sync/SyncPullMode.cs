namespace CrmSdkGen.Runtime.Sync;

/// <summary>How a CRM resource tells what changed since the last pull.</summary>
public enum SyncPullMode
{
    /// <summary>It cannot: every pull lists every record and reconciles the key sets, so deletes are found too.</summary>
    Full,

    /// <summary>
    /// A filter on the time of last change (HubSpot lastmodifieddate, Salesforce SystemModstamp, Zoho Modified_Time),
    /// compared inclusively and moved back by <see cref="SyncOptions.Overlap"/>; records seen again are recognised by key.
    /// </summary>
    Watermark,

    /// <summary>
    /// A filter on the time of last change sent to the CRM's search endpoint (HubSpot POST .../search, Intercom POST
    /// /contacts/search), within its cap on results per query (<see cref="SyncAdapterOptions.Search"/>); the full
    /// listing still goes through the list operation.
    /// </summary>
    Search,

    /// <summary>A change cursor: the last page of a pull gives the cursor the next pull starts from.</summary>
    Cursor,

    /// <summary>
    /// An opaque delta token (Dataverse and Microsoft Graph deltaLink) that the CRM may declare expired, which starts a
    /// full listing that reconciles key sets.
    /// </summary>
    DeltaToken,
}
