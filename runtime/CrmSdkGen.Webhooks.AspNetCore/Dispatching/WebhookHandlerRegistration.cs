using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CrmSdkGen.Runtime.Webhooks;

namespace CrmSdkGen.Webhooks.Dispatching;

/// <summary>A handler of one sender's events ("*": every sender's), called per event or per batch of due events.</summary>
internal sealed record WebhookHandlerRegistration(
    string Source,
    Func<WebhookEvent, CancellationToken, Task>? PerEvent,
    Func<IReadOnlyList<WebhookEvent>, CancellationToken, Task>? PerBatch)
{
    public bool Takes(WebhookEvent item) => Source == "*" || string.Equals(Source, item.Source, StringComparison.OrdinalIgnoreCase);
}
