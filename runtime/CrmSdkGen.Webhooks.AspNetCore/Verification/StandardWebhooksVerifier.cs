using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;

namespace CrmSdkGen.Webhooks.Verification;

/// <summary>
/// Standard Webhooks (standardwebhooks.com, as Svix, Zapier and others send them): <c>webhook-signature</c> holds
/// space-separated "v1,&lt;base64&gt;" signatures, each the HMAC-SHA256 of "id.timestamp.body" keyed with the base64 key
/// after the secret's <c>whsec_</c> prefix; <c>webhook-timestamp</c> is in seconds and must be within 5 minutes of now.
/// </summary>
public sealed class StandardWebhooksVerifier : WebhookVerifier
{
    private const string IdHeader = "webhook-id";
    private const string TimestampHeader = "webhook-timestamp";
    private const string SignatureHeader = "webhook-signature";
    private readonly List<byte[]> _keys = new();

    /// <summary>A verifier for the endpoint's secret(s), "whsec_" followed by base64.</summary>
    public StandardWebhooksVerifier(WebhookSecrets secrets, TimeProvider? timeProvider = null)
        : base(secrets, TimeSpan.FromMinutes(5), timeProvider)
    {
        foreach (var secret in secrets.All)
        {
            var encoded = secret.StartsWith("whsec_", StringComparison.Ordinal) ? secret["whsec_".Length..] : secret;
            _keys.Add(HmacSignatures.FromBase64(encoded) ?? throw new ArgumentException("A Standard Webhooks secret is base64, after an optional 'whsec_' prefix.", nameof(secrets)));
        }
    }

    /// <inheritdoc />
    public override string Name => "standard-webhooks";

    /// <inheritdoc />
    public override WebhookVerification Verify(WebhookRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (id, timestamp, header) = (request.Header(IdHeader), request.Header(TimestampHeader), request.Header(SignatureHeader));
        if (id is null || timestamp is null || header is null)
        {
            return WebhookVerification.Missing(id is null ? IdHeader : timestamp is null ? TimestampHeader : SignatureHeader);
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return WebhookVerification.Malformed(TimestampHeader);
        }

        var payload = HmacSignatures.Concat(request.Body.Span, id, ".", timestamp, ".", null);
        var readable = false;
        var matched = false;
        foreach (var item in header.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (item.StartsWith("v1,", StringComparison.Ordinal) && HmacSignatures.FromBase64(item[3..]) is { } signature)
            {
                readable = true;
                matched |= HmacSignatures.AnyKeyMatches(HashAlgorithmName.SHA256, _keys, payload, signature);
            }
        }

        if (!readable)
        {
            return WebhookVerification.Malformed(SignatureHeader);
        }

        if (!matched)
        {
            return WebhookVerification.BadSignature;
        }

        return IsFresh(DateTimeOffset.FromUnixTimeSeconds(seconds)) ? WebhookVerification.Verified : WebhookVerification.Expired(ReplayWindow);
    }
}
