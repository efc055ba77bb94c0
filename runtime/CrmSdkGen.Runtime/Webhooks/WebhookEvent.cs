using System;

namespace CrmSdkGen.Runtime.Webhooks;

/// <summary>
/// One event a CRM announced, as the inbox keeps it: the sender, the vendor's event id (the key that makes a
/// redelivery a duplicate), when it was accepted, its raw JSON, and how handling it went so far.
/// </summary>
public sealed class WebhookEvent
{
    /// <summary>An event accepted now.</summary>
    public WebhookEvent(string source, string id, ReadOnlyMemory<byte> payload, DateTimeOffset receivedAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        ArgumentException.ThrowIfNullOrEmpty(id);
        (Source, Id, Payload, ReceivedAt) = (source, id, payload, receivedAt);
    }

    /// <summary>The sender, such as "hubspot".</summary>
    public string Source { get; }

    /// <summary>The vendor's event id.</summary>
    public string Id { get; }

    /// <summary>The event's raw JSON (for a batched delivery, the event's own element).</summary>
    public ReadOnlyMemory<byte> Payload { get; }

    /// <summary>When the receiver accepted it.</summary>
    public DateTimeOffset ReceivedAt { get; }

    /// <summary>Where it stands.</summary>
    public WebhookEventState State { get; init; }

    /// <summary>Handling attempts that failed so far.</summary>
    public int Attempts { get; init; }

    /// <summary>Why the last attempt failed, if one did.</summary>
    public string? LastError { get; init; }
}
