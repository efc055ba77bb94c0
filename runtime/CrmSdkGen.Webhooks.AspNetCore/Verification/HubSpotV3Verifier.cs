using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CrmSdkGen.Webhooks.Verification;

/// <summary>
/// HubSpot's v3 signatures: <c>X-HubSpot-Signature-v3</c> is the base64 HMAC-SHA256, keyed with the app's client
/// secret, of the method, the URI HubSpot called (with the characters HubSpot's documentation lists decoded), the
/// raw body and <c>X-HubSpot-Request-Timestamp</c> (milliseconds since 1970); deliveries older than 5 minutes are refused.
/// </summary>
public sealed class HubSpotV3Verifier : WebhookVerifier
{
    private const string SignatureHeader = "X-HubSpot-Signature-v3";
    private const string TimestampHeader = "X-HubSpot-Request-Timestamp";

    // HubSpot decodes these before signing; every other escape stays as sent.
    private static readonly (string Escape, string Character)[] Decoded =
    [
        ("%3A", ":"), ("%2F", "/"), ("%3F", "?"), ("%40", "@"), ("%21", "!"), ("%24", "$"),
        ("%27", "'"), ("%28", "("), ("%29", ")"), ("%2A", "*"), ("%2C", ","), ("%3B", ";"),
    ];

    /// <summary>A verifier for the app's client secret(s).</summary>
    public HubSpotV3Verifier(WebhookSecrets clientSecrets, TimeProvider? timeProvider = null)
        : base(clientSecrets, TimeSpan.FromMinutes(5), timeProvider)
    {
    }

    /// <inheritdoc />
    public override string Name => "hubspot";

    /// <inheritdoc />
    public override WebhookVerification Verify(WebhookRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var signature = request.Header(SignatureHeader);
        var timestamp = request.Header(TimestampHeader);
        if (signature is null || timestamp is null)
        {
            return WebhookVerification.Missing(signature is null ? SignatureHeader : TimestampHeader);
        }

        if (HmacSignatures.FromBase64(signature) is not { } expected)
        {
            return WebhookVerification.Malformed(SignatureHeader);
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds))
        {
            return WebhookVerification.Malformed(TimestampHeader);
        }

        var payload = HmacSignatures.Concat(request.Body.Span, request.Method, SignedUri(request.Uri), null, timestamp);
        if (!HmacSignatures.AnyKeyMatches(HashAlgorithmName.SHA256, HmacSignatures.Utf8Keys(Secrets), payload, expected))
        {
            return WebhookVerification.BadSignature;
        }

        return IsFresh(DateTimeOffset.FromUnixTimeMilliseconds(milliseconds)) ? WebhookVerification.Verified : WebhookVerification.Expired(ReplayWindow);
    }

    private static string SignedUri(Uri uri)
    {
        var text = new StringBuilder(uri.AbsoluteUri);
        foreach (var (escape, character) in Decoded)
        {
            text.Replace(escape, character).Replace(escape.ToLowerInvariant(), character);
        }

        return text.ToString();
    }
}
