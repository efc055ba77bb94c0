namespace CrmSdkGen.Model;

/// <summary>
/// The choices an <c>x-crmsdkgen-sync</c> extension on a list operation makes for its sync adapter, overriding what the
/// generator would pick: <c>resource</c>, <c>key</c>, <c>modified</c>, <c>deleted</c>, <c>etag</c> (record properties)
/// and <c>updatedSince</c> (a parameter); <c>enabled: false</c> leaves the resource without an adapter.
/// </summary>
internal sealed record ApiSyncHints(string? Resource, string? Key, string? Modified, string? Deleted, string? ETag, string? UpdatedSince, bool Enabled);
