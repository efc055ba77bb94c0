namespace CrmSdkGen.Runtime.Sync;

/// <summary>
/// How a resource pulls changes through its CRM's search endpoint (<see cref="SyncPullMode.Search"/>): a filter on the
/// time of last change from the watermark, within the CRM's cap on results per query.
/// </summary>
public sealed class SyncSearchOptions
{
    /// <summary>The shape of the search body.</summary>
    public SyncSearchDialect Dialect { get; set; } = SyncSearchDialect.FilterGroups;

    /// <summary>The property the filter compares with the watermark (HubSpot: "lastmodifieddate" for contacts, "hs_lastmodifieddate" otherwise).</summary>
    public string ModifiedProperty { get; set; } = "hs_lastmodifieddate";

    /// <summary>
    /// A property with a unique, ordered value per record (HubSpot "hs_object_id") that splits the records changed in one
    /// millisecond when they are more than <see cref="ResultCap"/>; null when the CRM has no cap.
    /// </summary>
    public string? TieBreakProperty { get; set; }

    /// <summary>How many results one query can reach at most (HubSpot: 10,000, past which it answers 400); null for no cap.</summary>
    public int? ResultCap { get; set; }

    /// <summary>How many results a page asks for (HubSpot: at most 200).</summary>
    public int PageSize { get; set; } = 100;

    /// <summary>
    /// Whether the body carries a sort on the time of change. The pull does not depend on the order of results; a spec
    /// whose sort type does not fit the CRM's (HubSpot's declares strings where the API takes objects) turns it off.
    /// </summary>
    public bool Sort { get; set; } = true;


    /// <summary>
    /// Whether the adapter lists deleted records (HubSpot's <c>archived=true</c> listing) after the search, which does not
    /// find them: their tombstones carry the deletes.
    /// </summary>
    public bool ListDeleted { get; set; }
}
