namespace CrmSdkGen.Webhooks.Verification;

/// <summary>How a delivery's signature check ended.</summary>
public enum WebhookVerificationStatus
{
    /// <summary>Signed with one of the current secrets, within the replay window.</summary>
    Verified,

    /// <summary>The signature (or its timestamp) header is missing.</summary>
    MissingSignature,

    /// <summary>The signature header cannot be read.</summary>
    Malformed,

    /// <summary>No current secret gives the signature: forged, tampered with, or signed with a retired secret.</summary>
    BadSignature,

    /// <summary>Signed, but outside the replay window (too old, or too far ahead of this clock).</summary>
    Expired,
}
