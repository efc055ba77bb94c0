using System;

namespace CrmSdkGen.Webhooks.Verification;

/// <summary>
/// A webhook delivery as a verifier sees it: the method, the URI the sender called (HubSpot signs it), the headers and
/// the raw body, byte for byte as received (signatures are over those bytes, never over re-serialized JSON).
/// </summary>
public sealed class WebhookRequest
{
    private readonly Func<string, string?> _header;

    /// <summary>A delivery.</summary>
    /// <param name="method">The HTTP method, such as "POST".</param>
    /// <param name="uri">The absolute URI the sender called, as it sees it (the public address behind a proxy).</param>
    /// <param name="header">The value of a header by its name (case-insensitive), or null.</param>
    /// <param name="body">The raw body.</param>
    public WebhookRequest(string method, Uri uri, Func<string, string?> header, ReadOnlyMemory<byte> body)
    {
        Method = method ?? throw new ArgumentNullException(nameof(method));
        Uri = uri ?? throw new ArgumentNullException(nameof(uri));
        _header = header ?? throw new ArgumentNullException(nameof(header));
        Body = body;
    }

    /// <summary>The HTTP method.</summary>
    public string Method { get; }

    /// <summary>The absolute URI the sender called.</summary>
    public Uri Uri { get; }

    /// <summary>The raw body.</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>The value of the header <paramref name="name"/>, or null.</summary>
    public string? Header(string name) => _header(name);
}
