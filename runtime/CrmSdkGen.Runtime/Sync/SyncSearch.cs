using System;

namespace CrmSdkGen.Runtime.Sync;

/// <summary>
/// Pulls changes through a CRM's search endpoint (<see cref="SyncPullMode.Search"/>) for generated and hand-written
/// adapters alike. It filters on the time of change from the watermark to the pull's start and splits that span into
/// slices that each stay within the CRM's cap on results per query (HubSpot: 10,000), halving a slice whose first page
/// reports more results than the cap, and splitting one millisecond by key when even that is too many. Results need not
/// come in order, and a slice whose total moves while it is paged starts again, so no record sharing an instant with
/// others is lost. Then, where the resource lists deleted records, that listing brings the tombstones.
/// </summary>
public static class SyncSearch
{
    /// <summary>The next call of a search pull.</summary>
    /// <param name="request">The engine's request; without <see cref="SyncPageRequest.Since"/>, the search lists every record.</param>
    /// <param name="options">The resource's search options.</param>
    /// <param name="now">The current time, which bounds a new pull; by default the system clock.</param>
    public static SyncSearchStep Plan(SyncPageRequest request, SyncSearchOptions options, DateTimeOffset? now = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        var state = SyncSearchState.Parse(request.PageToken);
        if (state is null)
        {
            // Without a watermark the search lists everything, for resources whose list operation does not page.
            var from = request.Since?.ToUnixTimeMilliseconds() ?? 0;
            var to = Math.Max((now ?? DateTimeOffset.UtcNow).ToUnixTimeMilliseconds() + 1, from + 1);
            state = new SyncSearchState { From = from, To = to, End = to };
        }

        return new SyncSearchStep(options, state);
    }
}
