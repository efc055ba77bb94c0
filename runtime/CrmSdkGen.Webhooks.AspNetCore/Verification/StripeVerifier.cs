using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;

namespace CrmSdkGen.Webhooks.Verification;

/// <summary>
/// Stripe's signatures: <c>Stripe-Signature: t=&lt;seconds&gt;,v1=&lt;hex&gt;[,v1=...]</c>, each <c>v1</c> the HMAC-SHA256,
/// keyed with the endpoint's signing secret (<c>whsec_...</c>), of "t.body"; Stripe sends one <c>v1</c> per active
/// secret while one is being rolled. Deliveries more than 5 minutes from now are refused, as Stripe's libraries do.
/// </summary>
public sealed class StripeVerifier : WebhookVerifier
{
    private const string Header = "Stripe-Signature";

    /// <summary>A verifier for the endpoint's signing secret(s).</summary>
    public StripeVerifier(WebhookSecrets signingSecrets, TimeSpan? tolerance = null, TimeProvider? timeProvider = null)
        : base(signingSecrets, tolerance ?? TimeSpan.FromMinutes(5), timeProvider)
    {
    }

    /// <inheritdoc />
    public override string Name => "stripe";

    /// <inheritdoc />
    public override WebhookVerification Verify(WebhookRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Header(Header) is not { } header)
        {
            return WebhookVerification.Missing(Header);
        }

        string? timestamp = null;
        var signatures = new List<byte[]>();
        foreach (var item in header.Split(','))
        {
            var separator = item.IndexOf('=', StringComparison.Ordinal);
            if (separator <= 0)
            {
                return WebhookVerification.Malformed(Header);
            }

            var (name, value) = (item[..separator].Trim(), item[(separator + 1)..].Trim());
            if (name == "t")
            {
                timestamp = value;
            }
            else if (name == "v1" && HmacSignatures.FromHex(value) is { } signature)
            {
                signatures.Add(signature);
            }
        }

        if (timestamp is null || signatures.Count == 0 || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return WebhookVerification.Malformed(Header);
        }

        var payload = HmacSignatures.Concat(request.Body.Span, timestamp, ".", null);
        var matched = false;
        foreach (var signature in signatures)
        {
            matched |= HmacSignatures.AnyKeyMatches(HashAlgorithmName.SHA256, HmacSignatures.Utf8Keys(Secrets), payload, signature);
        }

        if (!matched)
        {
            return WebhookVerification.BadSignature;
        }

        return IsFresh(DateTimeOffset.FromUnixTimeSeconds(seconds)) ? WebhookVerification.Verified : WebhookVerification.Expired(ReplayWindow);
    }
}
