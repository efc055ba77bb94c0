using System;

namespace CrmSdkGen.Webhooks.Verification;

/// <summary>
/// Checks that a delivery comes from the sender: derive from it for a CRM whose scheme is not built in. Compare
/// signatures with <see cref="System.Security.Cryptography.CryptographicOperations.FixedTimeEquals"/>, accept every
/// secret of <see cref="Secrets"/>, and refuse timestamps outside <see cref="ReplayWindow"/>.
/// </summary>
public abstract class WebhookVerifier
{
    /// <summary>A verifier for <paramref name="secrets"/>.</summary>
    /// <param name="secrets">The accepted secrets.</param>
    /// <param name="replayWindow">How far a signed timestamp may be from now (5 minutes unless the sender says otherwise).</param>
    /// <param name="timeProvider">The clock; the system's when null.</param>
    protected WebhookVerifier(WebhookSecrets secrets, TimeSpan replayWindow, TimeProvider? timeProvider)
    {
        Secrets = secrets ?? throw new ArgumentNullException(nameof(secrets));
        ReplayWindow = replayWindow > TimeSpan.Zero ? replayWindow : throw new ArgumentOutOfRangeException(nameof(replayWindow));
        Time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The sender's name, such as "hubspot".</summary>
    public abstract string Name { get; }

    /// <summary>The accepted secrets.</summary>
    protected WebhookSecrets Secrets { get; }

    /// <summary>How far a signed timestamp may be from now.</summary>
    protected TimeSpan ReplayWindow { get; }

    /// <summary>The clock.</summary>
    protected TimeProvider Time { get; }

    /// <summary>Checks <paramref name="request"/>.</summary>
    public abstract WebhookVerification Verify(WebhookRequest request);

    /// <summary>Whether <paramref name="signedAt"/> lies within the replay window of now.</summary>
    protected bool IsFresh(DateTimeOffset signedAt) => (Time.GetUtcNow() - signedAt).Duration() <= ReplayWindow;
}
