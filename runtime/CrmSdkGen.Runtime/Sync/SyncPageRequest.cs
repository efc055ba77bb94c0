using System;

namespace CrmSdkGen.Runtime.Sync;

/// <summary>The page a sync asks an adapter for.</summary>
/// <param name="Since">For watermark pulls, the instant from which (inclusive) changed records are wanted; null for every record.</param>
/// <param name="PageToken">The token of the next page of the current listing, as the previous page gave it; null for the first page.</param>
/// <param name="ChangeToken">For cursor and delta-token pulls, the token the last completed pull ended with; null for a full listing.</param>
public sealed record SyncPageRequest(DateTimeOffset? Since, string? PageToken, string? ChangeToken)
{
    /// <summary>Whether the request is part of a full listing (no watermark, no change token).</summary>
    public bool IsFullListing => Since is null && ChangeToken is null;
}
