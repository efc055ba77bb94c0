using System;
using System.Collections.Generic;
using System.Text.Json;
using CrmSdkGen.Webhooks.Verification;

namespace CrmSdkGen.Webhooks.Receiving;

/// <summary>The senders built in, each with its signature scheme and the place of its event ids.</summary>
public static class WebhookSources
{
    /// <summary>HubSpot (v3 signatures): a JSON array of events, each with its <c>eventId</c>.</summary>
    public static WebhookSource HubSpot(WebhookSecrets clientSecrets, TimeProvider? timeProvider = null) =>
        new("hubspot", new HubSpotV3Verifier(clientSecrets, timeProvider), request => EachElement(request.Body, "eventId"));

    /// <summary>Stripe: one event object per delivery, its id in <c>id</c>.</summary>
    public static WebhookSource Stripe(WebhookSecrets signingSecrets, TimeProvider? timeProvider = null) =>
        new("stripe", new StripeVerifier(signingSecrets, timeProvider: timeProvider), request => ById(request.Body, "id"));

    /// <summary>GitHub: one event per delivery, its id in <c>X-GitHub-Delivery</c>.</summary>
    public static WebhookSource GitHub(WebhookSecrets secrets) =>
        new("github", HubSignatureVerifier.GitHub(secrets), request => Whole(request.Body, request.Header("X-GitHub-Delivery")));

    /// <summary>Intercom: one notification per delivery, its id in <c>id</c>.</summary>
    public static WebhookSource Intercom(WebhookSecrets clientSecrets) =>
        new("intercom", HubSignatureVerifier.Intercom(clientSecrets), request => ById(request.Body, "id"));

    /// <summary>Standard Webhooks: one message per delivery, its id in <c>webhook-id</c>.</summary>
    public static WebhookSource StandardWebhooks(WebhookSecrets secrets, string name = "standard-webhooks", TimeProvider? timeProvider = null) =>
        new(name, new StandardWebhooksVerifier(secrets, timeProvider), request => Whole(request.Body, request.Header("webhook-id")));

    private static IReadOnlyList<WebhookPayload>? Whole(ReadOnlyMemory<byte> body, string? id) =>
        string.IsNullOrEmpty(id) || !IsJson(body) ? null : [new WebhookPayload(id, body)];

    // The whole body as one event, its id in a top-level property: one parse checks the JSON and finds the id.
    private static IReadOnlyList<WebhookPayload>? ById(ReadOnlyMemory<byte> body, string name)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty(name, out var value))
            {
                return null;
            }

            var id = value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
            return string.IsNullOrEmpty(id) ? null : [new WebhookPayload(id, body)];
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IReadOnlyList<WebhookPayload>? EachElement(ReadOnlyMemory<byte> body, string idProperty)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var events = new List<WebhookPayload>();
            foreach (var element in document.RootElement.EnumerateArray())
            {
                if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(idProperty, out var id) || id.ValueKind is not (JsonValueKind.Number or JsonValueKind.String))
                {
                    return null;
                }

                events.Add(new WebhookPayload(id.ValueKind == JsonValueKind.String ? id.GetString()! : id.GetRawText(), System.Text.Encoding.UTF8.GetBytes(element.GetRawText())));
            }

            return events.Count == 0 ? null : events;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool IsJson(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
