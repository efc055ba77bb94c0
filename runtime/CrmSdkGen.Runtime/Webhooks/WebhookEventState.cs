namespace CrmSdkGen.Runtime.Webhooks;

/// <summary>Where an event of the inbox stands.</summary>
public enum WebhookEventState
{
    /// <summary>Accepted and not handled yet (or to be tried again).</summary>
    Pending,

    /// <summary>Every handler succeeded.</summary>
    Handled,

    /// <summary>Handling failed as often as allowed; kept for inspection and replay.</summary>
    DeadLettered,
}
