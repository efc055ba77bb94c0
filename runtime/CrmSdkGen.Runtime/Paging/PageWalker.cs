using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using CrmSdkGen.Runtime.Http;

namespace CrmSdkGen.Runtime.Paging;

/// <summary>
/// Walks every page of a paged operation lazily: the next page is fetched only when the enumeration reaches it.
/// Generated clients call these for the paging patterns they detect; call them yourself for an operation whose pattern
/// the generator did not recognise, with lambdas that call the generated method.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class PageWalker
{
    /// <summary>Cursor paging: each page names the cursor of the next (HubSpot paging.next.after, next_cursor, page tokens); no cursor ends it.</summary>
    /// <param name="fetch">Fetches the page at a cursor (null for the first page unless <paramref name="first"/> is set).</param>
    /// <param name="items">The items of a page.</param>
    /// <param name="nextCursor">The cursor of the next page, or null/empty on the last page.</param>
    /// <param name="first">The cursor to start from.</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    /// <param name="more">Whether the server says another page follows (Pipedrive's more_items_in_collection, has_more); false ends the walk whatever the page gives for the next.</param>
    public static async IAsyncEnumerable<TItem> ByCursor<TPage, TItem>(
        Func<string?, CancellationToken, Task<TPage>> fetch,
        Func<TPage, IEnumerable<TItem>?> items,
        Func<TPage, string?> nextCursor,
        string? first = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default,
        Func<TPage, bool>? more = null)
    {
        var cursor = first;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var page = await fetch(cursor, cancellationToken).ConfigureAwait(false);
            foreach (var item in items(page) ?? Enumerable.Empty<TItem>())
            {
                yield return item;
            }

            cursor = nextCursor(page);

            // A server that hands out a cursor it already gave would loop forever.
            if (string.IsNullOrEmpty(cursor) || !seen.Add(cursor) || more?.Invoke(page) == false)
            {
                yield break;
            }
        }
    }

    /// <summary>Numeric position paging where each page names the next position (Pipedrive next_start); no position ends it.</summary>
    public static async IAsyncEnumerable<TItem> ByNextPosition<TPage, TItem>(
        Func<long?, CancellationToken, Task<TPage>> fetch,
        Func<TPage, IEnumerable<TItem>?> items,
        Func<TPage, long?> nextPosition,
        long? first = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default,
        Func<TPage, bool>? more = null)
    {
        var position = first;
        while (true)
        {
            var page = await fetch(position, cancellationToken).ConfigureAwait(false);
            foreach (var item in items(page) ?? Enumerable.Empty<TItem>())
            {
                yield return item;
            }

            var next = nextPosition(page);
            if (next is null || next == position || more?.Invoke(page) == false)
            {
                yield break;
            }

            position = next;
        }
    }

    /// <summary>Offset paging: the next offset is the previous one plus the items received; an empty page ends it.</summary>
    public static async IAsyncEnumerable<TItem> ByOffset<TPage, TItem>(
        Func<long, CancellationToken, Task<TPage>> fetch,
        Func<TPage, IEnumerable<TItem>?> items,
        long first = 0,
        [EnumeratorCancellation] CancellationToken cancellationToken = default,
        Func<TPage, bool>? more = null)
    {
        var offset = first;
        while (true)
        {
            var page = await fetch(offset, cancellationToken).ConfigureAwait(false);
            var count = 0;
            foreach (var item in items(page) ?? Enumerable.Empty<TItem>())
            {
                count++;
                yield return item;
            }

            if (count == 0 || more?.Invoke(page) == false)
            {
                yield break;
            }

            offset += count;
        }
    }

    /// <summary>Page-number paging: pages first, first + 1, ... until an empty page.</summary>
    public static async IAsyncEnumerable<TItem> ByPageNumber<TPage, TItem>(
        Func<long, CancellationToken, Task<TPage>> fetch,
        Func<TPage, IEnumerable<TItem>?> items,
        long first = 1,
        [EnumeratorCancellation] CancellationToken cancellationToken = default,
        Func<TPage, bool>? more = null)
    {
        for (var number = first; ; number++)
        {
            var page = await fetch(number, cancellationToken).ConfigureAwait(false);
            var any = false;
            foreach (var item in items(page) ?? Enumerable.Empty<TItem>())
            {
                any = true;
                yield return item;
            }

            if (!any || more?.Invoke(page) == false)
            {
                yield break;
            }
        }
    }

    /// <summary>
    /// Link paging: the first page comes from the operation, each next page from the link the previous page gives,
    /// in its body (OData @odata.nextLink, nextLink) or its Link header (rel="next").
    /// </summary>
    /// <param name="first">Fetches the first page.</param>
    /// <param name="follow">Fetches the page a link points to.</param>
    /// <param name="items">The items of a page.</param>
    /// <param name="nextLink">The link in the page's body, or null to read the Link header.</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    /// <param name="more">Whether the server says another page follows (Pipedrive's more_items_in_collection, has_more); false ends the walk whatever the page gives for the next.</param>
    public static async IAsyncEnumerable<TItem> ByNextLink<TPage, TItem>(
        Func<CancellationToken, Task<ApiResponse<TPage>>> first,
        Func<string, CancellationToken, Task<ApiResponse<TPage>>> follow,
        Func<TPage, IEnumerable<TItem>?> items,
        Func<TPage, string?>? nextLink = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default,
        Func<TPage, bool>? more = null)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var response = await first(cancellationToken).ConfigureAwait(false);
        while (true)
        {
            foreach (var item in items(response.Value) ?? Enumerable.Empty<TItem>())
            {
                yield return item;
            }

            var link = nextLink is null ? NextFromLinkHeader(response) : nextLink(response.Value);
            if (string.IsNullOrEmpty(link) || !seen.Add(link) || more?.Invoke(response.Value) == false)
            {
                yield break;
            }

            response = await follow(link, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The target of rel="next" in an RFC 8288 Link header, if any.</summary>
    public static string? NextFromLinkHeader(ApiResponse response)
    {
        if (!response.Headers.TryGetValue("Link", out var values))
        {
            return null;
        }

        foreach (var value in values)
        {
            foreach (var part in value.Split(','))
            {
                var segments = part.Split(';');
                var target = segments[0].Trim();
                if (target.Length < 2 || target[0] != '<' || target[^1] != '>')
                {
                    continue;
                }

                foreach (var parameter in segments.Skip(1))
                {
                    if (NameValueHeaderValue.TryParse(parameter.Trim(), out var pair) && string.Equals(pair.Name, "rel", StringComparison.OrdinalIgnoreCase)
                        && pair.Value?.Trim('"').Split(' ').Contains("next", StringComparer.OrdinalIgnoreCase) == true)
                    {
                        return target[1..^1];
                    }
                }
            }
        }

        return null;
    }
}
