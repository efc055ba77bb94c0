using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CrmSdkGen.Runtime.Json;

namespace CrmSdkGen.Runtime.Webhooks;

/// <summary>Reads webhook payloads with generated codecs and hands stored events to typed handlers; used by generated code.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class WebhookPayloads
{
    /// <summary>Reads one payload.</summary>
    /// <exception cref="JsonException">The payload is not JSON of the webhook's shape; the message names the failing path.</exception>
    public static T Read<T>(ReadOnlyMemory<byte> utf8Json, JsonCodec<T> codec) => JsonModel.Parse(utf8Json.Span, codec);

    /// <summary>
    /// Reads the items of a payload the spec declares as an array (a batch of events). A receiver that splits batches
    /// (HubSpot's) stores each item as an event of its own, so one item on its own is read as a batch of one.
    /// </summary>
    /// <exception cref="JsonException">The payload is not JSON of the webhook's shape; the message names the failing path.</exception>
    public static IReadOnlyList<T> ReadEach<T>(ReadOnlyMemory<byte> utf8Json, JsonCodec<T> itemCodec)
    {
        var reader = new Utf8JsonReader(utf8Json.Span);
        if (reader.Read() && reader.TokenType == JsonTokenType.StartArray)
        {
            var items = JsonModel.Parse(utf8Json.Span, new ListCodec<T>(itemCodec));
            return items as IReadOnlyList<T> ?? new List<T>(items);
        }

        return new[] { JsonModel.Parse(utf8Json.Span, itemCodec) };
    }

    /// <summary>A dispatcher's handler that reads each event's payload and hands it to <paramref name="handle"/>.</summary>
    public static Func<WebhookEvent, CancellationToken, Task> Handler<T>(JsonCodec<T> codec, Func<T, CancellationToken, Task> handle)
    {
        ArgumentNullException.ThrowIfNull(codec);
        ArgumentNullException.ThrowIfNull(handle);
        return (webhookEvent, cancellationToken) => handle(Read(webhookEvent.Payload, codec), cancellationToken);
    }

    /// <summary>A dispatcher's handler that hands every item of each event's payload to <paramref name="handle"/>, in order.</summary>
    public static Func<WebhookEvent, CancellationToken, Task> EachHandler<T>(JsonCodec<T> itemCodec, Func<T, CancellationToken, Task> handle)
    {
        ArgumentNullException.ThrowIfNull(itemCodec);
        ArgumentNullException.ThrowIfNull(handle);
        return async (webhookEvent, cancellationToken) =>
        {
            foreach (var item in ReadEach(webhookEvent.Payload, itemCodec))
            {
                await handle(item, cancellationToken).ConfigureAwait(false);
            }
        };
    }
}
