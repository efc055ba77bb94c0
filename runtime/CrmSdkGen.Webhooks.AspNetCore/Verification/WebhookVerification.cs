namespace CrmSdkGen.Webhooks.Verification;

/// <summary>The outcome of a signature check, with a reason safe to log (it never holds the body, a secret or a signature).</summary>
/// <param name="Status">How the check ended.</param>
/// <param name="Reason">Why, in words.</param>
public readonly record struct WebhookVerification(WebhookVerificationStatus Status, string Reason)
{
    /// <summary>Whether the delivery may be accepted.</summary>
    public bool IsVerified => Status == WebhookVerificationStatus.Verified;

    /// <summary>A verified delivery.</summary>
    public static WebhookVerification Verified { get; } = new(WebhookVerificationStatus.Verified, "verified");

    /// <summary>A delivery without <paramref name="header"/>.</summary>
    public static WebhookVerification Missing(string header) => new(WebhookVerificationStatus.MissingSignature, $"the {header} header is missing");

    /// <summary>A delivery whose <paramref name="header"/> cannot be read.</summary>
    public static WebhookVerification Malformed(string header) => new(WebhookVerificationStatus.Malformed, $"the {header} header is not in the sender's format");

    /// <summary>A delivery no current secret signed.</summary>
    public static WebhookVerification BadSignature { get; } = new(WebhookVerificationStatus.BadSignature, "no current secret gives this signature");

    /// <summary>A delivery outside the replay window.</summary>
    public static WebhookVerification Expired(System.TimeSpan window) => new(WebhookVerificationStatus.Expired, $"the timestamp is more than {window.TotalMinutes:0.#} minutes from now");
}
