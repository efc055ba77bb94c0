using CrmSdkGen.Kernel;

namespace CrmSdkGen.Model;

internal enum ApiPagingKind
{
    /// <summary>A string cursor from the response goes into a query parameter (HubSpot after, next_cursor, page tokens).</summary>
    Cursor,

    /// <summary>The id of the last item goes into a query parameter while a boolean says there is more (Stripe starting_after/has_more).</summary>
    LastItemId,

    /// <summary>A number from the response goes into a query parameter (Pipedrive start/next_start).</summary>
    NextPosition,

    /// <summary>An offset parameter advanced by the items received.</summary>
    Offset,

    /// <summary>A page-number parameter advanced by one.</summary>
    PageNumber,

    /// <summary>A link to the next page in the response body (OData @odata.nextLink, nextLink).</summary>
    NextLink,

    /// <summary>A link to the next page in the Link header.</summary>
    LinkHeader,
}

/// <summary>How an operation pages: which parameter moves, where the items are and what says where the next page is.</summary>
/// <param name="Parameter">The query parameter that moves (null for link patterns).</param>
/// <param name="ItemsPath">JSON property names from the response object to the items array.</param>
/// <param name="NextPath">JSON property names to the cursor, position, link or has-more flag (empty when the pattern needs none).</param>
internal sealed record ApiPaging(ApiPagingKind Kind, string? Parameter, EquatableArray<string> ItemsPath, EquatableArray<string> NextPath)
{
    /// <summary>
    /// JSON property names to a boolean that ends the walk whatever cursor the page gives (Pipedrive's
    /// additional_data.pagination.more_items_in_collection, has_more, Salesforce's done); empty when the response has none.
    /// </summary>
    public EquatableArray<string> StopFlagPath { get; init; } = EquatableArray<string>.Empty;

    /// <summary>True when the flag says there is more (a false value stops), false when it says the walk is done (a true value stops).</summary>
    public bool StopFlagMeansMore { get; init; }
}
