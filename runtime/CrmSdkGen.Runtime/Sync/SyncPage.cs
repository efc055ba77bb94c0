using System;
using System.Collections.Generic;
using System.Text.Json;

namespace CrmSdkGen.Runtime.Sync;

/// <summary>One page of records from a CRM resource.</summary>
public sealed class SyncPage
{
    /// <summary>Creates a page.</summary>
    /// <param name="records">The records, whole; tombstones among them are recognised by <see cref="SyncAdapter.IsDeleted"/>.</param>
    /// <param name="nextPageToken">The token of the next page, or null when this is the last page of the listing.</param>
    public SyncPage(IReadOnlyList<JsonElement> records, string? nextPageToken)
    {
        Records = records ?? throw new ArgumentNullException(nameof(records));
        NextPageToken = nextPageToken;
    }

    /// <summary>The records of the page.</summary>
    public IReadOnlyList<JsonElement> Records { get; }

    /// <summary>The token of the next page, or null on the last page.</summary>
    public string? NextPageToken { get; }

    /// <summary>Keys of records deleted in the CRM (a tombstone feed such as Salesforce getDeleted).</summary>
    public IReadOnlyList<string> DeletedKeys { get; init; } = Array.Empty<string>();

    /// <summary>On the last page of a cursor or delta-token pull, the token the next pull starts from.</summary>
    public string? ChangeToken { get; init; }
}
