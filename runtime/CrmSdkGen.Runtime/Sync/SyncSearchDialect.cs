namespace CrmSdkGen.Runtime.Sync;

/// <summary>The shape of a CRM's search request body.</summary>
public enum SyncSearchDialect
{
    /// <summary>
    /// HubSpot's: <c>{"filterGroups": [{"filters": [{"propertyName", "operator": "GTE", "value"}]}], "sorts", "limit",
    /// "after"}</c> answered by <c>{"total", "results", "paging": {"next": {"after"}}}</c>; times as Unix milliseconds.
    /// </summary>
    FilterGroups,

    /// <summary>
    /// Intercom's: <c>{"query": {"operator": "AND", "value": [{"field", "operator": "&gt;", "value"}]}, "pagination":
    /// {"per_page", "starting_after"}}</c> answered by <c>{"total_count", "data", "pages": {"next": {"starting_after"}}}</c>;
    /// times as Unix seconds.
    /// </summary>
    Query,
}
