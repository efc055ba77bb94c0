using System;
using System.Collections.Generic;

namespace CrmSdkGen.Webhooks.Receiving;

/// <summary>The senders an endpoint accepts and its limits.</summary>
public sealed class CrmWebhookOptions
{
    private readonly Dictionary<string, WebhookSource> _sources = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The largest body accepted (1 MiB by default; HubSpot batches stay well below); larger ones get 413.</summary>
    public long MaxBodyBytes { get; set; } = 1 << 20;

    /// <summary>
    /// The address senders call, when the app runs behind a proxy that changes scheme, host or path (HubSpot signs the
    /// URI it called); null uses the request's own.
    /// </summary>
    public Uri? PublicBaseAddress { get; set; }

    /// <summary>The senders, by name.</summary>
    public IReadOnlyDictionary<string, WebhookSource> Sources => _sources;

    /// <summary>Accepts deliveries from <paramref name="source"/> at <c>{prefix}/{source.Name}</c>.</summary>
    public CrmWebhookOptions Add(WebhookSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        _sources[source.Name] = source;
        return this;
    }
}
