using System;
using System.Collections.Generic;
using CrmSdkGen.Webhooks.Verification;

namespace CrmSdkGen.Webhooks.Receiving;

/// <summary>
/// A sender the endpoint accepts deliveries from, at <c>{prefix}/{Name}</c>: how its signatures are checked and how a
/// delivery splits into events with their ids (HubSpot batches up to 100 events in one array). Build your own for a
/// sender that is not in <see cref="WebhookSources"/>.
/// </summary>
public sealed class WebhookSource
{
    /// <summary>A sender.</summary>
    /// <param name="name">The last segment of its endpoint's path (letters, digits, '-' and '_').</param>
    /// <param name="verifier">Its signature check.</param>
    /// <param name="split">The events of a verified delivery, or null when the body is not in the sender's shape (400).</param>
    public WebhookSource(string name, WebhookVerifier verifier, Func<WebhookRequest, IReadOnlyList<WebhookPayload>?> split)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        foreach (var character in name)
        {
            if (!(char.IsAsciiLetterOrDigit(character) || character is '-' or '_'))
            {
                throw new ArgumentException("A source name has letters, digits, '-' and '_' only.", nameof(name));
            }
        }

        (Name, Verifier, Split) = (name, verifier ?? throw new ArgumentNullException(nameof(verifier)), split ?? throw new ArgumentNullException(nameof(split)));
    }

    /// <summary>The sender's name and endpoint segment.</summary>
    public string Name { get; }

    /// <summary>Its signature check.</summary>
    public WebhookVerifier Verifier { get; }

    /// <summary>The events of a verified delivery, or null when the body is malformed.</summary>
    public Func<WebhookRequest, IReadOnlyList<WebhookPayload>?> Split { get; }
}
