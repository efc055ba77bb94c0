using System;
using System.Security.Cryptography;

namespace CrmSdkGen.Webhooks.Verification;

/// <summary>
/// The "hub signature" scheme: a header holding "&lt;algorithm&gt;=&lt;hex HMAC of the raw body&gt;" keyed with a shared
/// secret, with no timestamp (so no replay window: the inbox deduplicates by delivery id). GitHub sends
/// <c>X-Hub-Signature-256: sha256=...</c> (<see cref="GitHub"/>), Intercom <c>X-Hub-Signature: sha1=...</c> keyed with the
/// app's client secret (<see cref="Intercom"/>).
/// </summary>
public sealed class HubSignatureVerifier : WebhookVerifier
{
    private readonly string _header;
    private readonly string _prefix;
    private readonly HashAlgorithmName _algorithm;

    private HubSignatureVerifier(string name, string header, string prefix, HashAlgorithmName algorithm, WebhookSecrets secrets)
        : base(secrets, TimeSpan.MaxValue, null)
    {
        (Name, _header, _prefix, _algorithm) = (name, header, prefix, algorithm);
    }

    /// <inheritdoc />
    public override string Name { get; }

    /// <summary>GitHub's <c>X-Hub-Signature-256</c> (HMAC-SHA256 of the body with the webhook's secret).</summary>
    public static HubSignatureVerifier GitHub(WebhookSecrets secrets) => new("github", "X-Hub-Signature-256", "sha256=", HashAlgorithmName.SHA256, secrets);

    /// <summary>Intercom's <c>X-Hub-Signature</c> (HMAC-SHA1 of the body with the app's client secret).</summary>
    public static HubSignatureVerifier Intercom(WebhookSecrets clientSecrets) => new("intercom", "X-Hub-Signature", "sha1=", HashAlgorithmName.SHA1, clientSecrets);

    /// <inheritdoc />
    public override WebhookVerification Verify(WebhookRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Header(_header) is not { } header)
        {
            return WebhookVerification.Missing(_header);
        }

        if (!header.StartsWith(_prefix, StringComparison.OrdinalIgnoreCase) || HmacSignatures.FromHex(header[_prefix.Length..]) is not { } signature)
        {
            return WebhookVerification.Malformed(_header);
        }

        return HmacSignatures.AnyKeyMatches(_algorithm, HmacSignatures.Utf8Keys(Secrets), request.Body.Span, signature)
            ? WebhookVerification.Verified
            : WebhookVerification.BadSignature;
    }
}
