using System;
using System.Collections.Generic;

namespace CrmSdkGen.Webhooks.Verification;

/// <summary>
/// The secrets a sender may sign with: the current one and, while a rotation is under way, the previous one, so that
/// deliveries signed with either are accepted and no delivery is refused during the switch. Printed as "***".
/// </summary>
public sealed class WebhookSecrets
{
    /// <summary>The secrets.</summary>
    /// <param name="current">The secret the sender signs with now.</param>
    /// <param name="previous">The secret being retired, accepted until it is removed; null when none.</param>
    public WebhookSecrets(string current, string? previous = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(current);
        All = string.IsNullOrEmpty(previous) ? [current] : [current, previous];
    }

    /// <summary>The secrets accepted, the current one first.</summary>
    public IReadOnlyList<string> All { get; }

    /// <inheritdoc />
    public override string ToString() => "WebhookSecrets { *** }";
}
