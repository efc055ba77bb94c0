using System;

namespace CrmSdkGen.Runtime.Http;

/// <summary>The absolute URI a request goes to: its path and query under the base address, or a server-sent link on the API's own origin.</summary>
internal static class RequestAddress
{
    /// <param name="request">The request.</param>
    /// <param name="configured">The HttpClient's base address, else the options' one.</param>
    /// <param name="specServerUrl">The spec's first server, used when nothing else sets a base address.</param>
    public static Uri Of(ApiRequest request, Uri? configured, string? specServerUrl)
    {
        var baseAddress = configured ?? SpecBaseAddress(specServerUrl)
            ?? throw new InvalidOperationException(
                "The client has no base address: set HttpClient.BaseAddress or the options' BaseAddress"
                + (specServerUrl is null ? "." : $" (the spec's server '{specServerUrl}' is not an absolute URL)."));
        if (request.Link is { } link)
        {
            return ResolveLink(baseAddress, link);
        }

        var pathAndQuery = request.BuildPathAndQuery();
        var root = baseAddress.AbsoluteUri.TrimEnd('/');
        var separator = pathAndQuery.StartsWith('/') || pathAndQuery.Length == 0 ? string.Empty : "/";

        // Canonicalisation would unescape %2E and fold "/../" segments, letting a path parameter climb out of its segment.
        return new Uri(root + separator + pathAndQuery, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
    }

    // A next link carries the credentials of the call, so it must stay on the API's own origin.
    private static Uri ResolveLink(Uri baseAddress, string link)
    {
        var resolved = Uri.TryCreate(link, UriKind.Absolute, out var absolute) && (absolute.Scheme == Uri.UriSchemeHttp || absolute.Scheme == Uri.UriSchemeHttps)
            ? absolute
            : new Uri(baseAddress, link);
        if (Uri.Compare(resolved, baseAddress, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0)
        {
            throw new InvalidOperationException("A next-page link points to another origin than the API's; it is not followed.");
        }

        return resolved;
    }

    // On Unix "/api/v3" parses as an absolute file URI, so only http and https count as a base address.
    private static Uri? SpecBaseAddress(string? specServerUrl) =>
        specServerUrl is not null && Uri.TryCreate(specServerUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri : null;
}
