namespace CrmSdkGen.Model;

/// <summary>
/// The choices an <c>x-crmsdkgen-sync</c> extension on a list operation makes for its sync adapter, overriding what the
/// generator would pick (docs/sync.md lists the vocabulary). Names of record properties, parameters and operations are
/// checked against the spec by the detector; <c>enabled: false</c> leaves the resource without an adapter.
/// </summary>
/// <param name="Pointer">Where the extension stands in the spec, for diagnostics.</param>
internal sealed record ApiSyncHints(string Pointer, bool Enabled)
{
    public string? Resource { get; init; }

    /// <summary>full, watermark, search, cursor or deltaToken.</summary>
    public string? Mode { get; init; }

    public string? Key { get; init; }

    public string? Modified { get; init; }

    public string? Deleted { get; init; }

    public string? ETag { get; init; }

    public string? UpdatedSince { get; init; }

    /// <summary>The list parameter that sets the page size.</summary>
    public string? PageSize { get; init; }

    /// <summary>The largest page the list operation serves.</summary>
    public int? PageSizeMax { get; init; }

    /// <summary>The search operation ("POST /path" or its operationId).</summary>
    public string? SearchOperation { get; init; }

    /// <summary>The property the search filters on.</summary>
    public string? SearchModified { get; init; }

    public string? SearchTieBreak { get; init; }

    public int? SearchResultCap { get; init; }

    public int? SearchPageSizeMax { get; init; }

    /// <summary>A boolean list parameter that lists deleted (archived) records, whose tombstones carry the deletes.</summary>
    public string? DeletedListing { get; init; }

    /// <summary>The batch update operation ("POST /path" or its operationId).</summary>
    public string? BatchUpdate { get; init; }
}
