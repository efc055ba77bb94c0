using System;

namespace CrmSdkGen.Webhooks.Receiving;

/// <summary>One event of a delivery: the vendor's event id and the event's raw JSON.</summary>
/// <param name="Id">The vendor's event id, the key that makes a redelivery a duplicate.</param>
/// <param name="Body">The event's JSON.</param>
public readonly record struct WebhookPayload(string Id, ReadOnlyMemory<byte> Body);
