namespace CrmSdkGen.Model;

/// <summary>How a resource's changes are found through its search endpoint.</summary>
/// <param name="Operation">The search operation, "METHOD path".</param>
/// <param name="Dialect">"FilterGroups" (HubSpot) or "Query" (Intercom).</param>
/// <param name="ModifiedProperty">The property the filter compares with the watermark.</param>
/// <param name="TieBreak">The property that splits records changed in the same millisecond, where results are capped.</param>
/// <param name="ResultCap">How many results one query can reach, if the CRM caps them.</param>
/// <param name="PageSize">The largest page the search serves.</param>
/// <param name="Sort">Whether the spec's sort type takes a property and a direction.</param>
internal sealed record ApiSyncSearch(string Operation, string Dialect, string ModifiedProperty, string? TieBreak, int? ResultCap, int PageSize, bool Sort);
