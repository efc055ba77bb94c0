using System;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CrmSdkGen.Webhooks.Receiving;

/// <summary>Maps the webhook endpoint of an app.</summary>
public static class CrmWebhookEndpoints
{
    /// <summary>
    /// Accepts POST deliveries at <c>{prefix}/{source}</c> from the senders configured, storing each verified event in
    /// the <see cref="CrmSdkGen.Runtime.Webhooks.IWebhookInbox"/> registered in the services before answering 200
    /// (<c>AddCrmWebhooks</c>).
    /// </summary>
    /// <example><code>app.MapCrmWebhooks("/webhooks", hooks => hooks.Add(WebhookSources.HubSpot(new WebhookSecrets(clientSecret))));</code></example>
    public static IEndpointConventionBuilder MapCrmWebhooks(this IEndpointRouteBuilder endpoints, string prefix, Action<CrmWebhookOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new CrmWebhookOptions();
        configure(options);
        return endpoints.MapPost(prefix.TrimEnd('/') + "/{source}", context => WebhookReceiver.ReceiveAsync(context, (string)context.Request.RouteValues["source"]!, options));
    }
}
