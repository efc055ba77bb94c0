using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CrmSdkGen.Runtime.Webhooks;

namespace CrmSdkGen.Webhooks.Dispatching;

/// <summary>The handlers of each sender's events and how failures are retried.</summary>
public sealed class WebhookDispatcherOptions
{
    private readonly List<WebhookHandlerRegistration> _handlers = new();

    /// <summary>Attempts after which an event is dead-lettered (5 by default).</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The wait after a first failure, doubling per failure up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan BaseBackoff { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between attempts.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the inbox is looked at when no delivery arrived (deliveries wake the dispatcher at once).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How many due events are taken at a time.</summary>
    public int BatchSize { get; set; } = 100;

    internal IReadOnlyList<WebhookHandlerRegistration> Handlers => _handlers;

    /// <summary>
    /// Handles the events of <paramref name="source"/> ("*" for every sender). Handlers run after the delivery was
    /// answered, at least once per event id; one that throws has the event tried again after a backoff, and
    /// dead-lettered after <see cref="MaxAttempts"/>. Make effects idempotent (an idempotency key from the event id) so
    /// that a process killed after the handler and before the event is marked handled repeats nothing.
    /// </summary>
    public WebhookDispatcherOptions Handle(string source, Func<WebhookEvent, CancellationToken, Task> handler)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        _handlers.Add(new WebhookHandlerRegistration(source, handler ?? throw new ArgumentNullException(nameof(handler)), null));
        return this;
    }

    /// <summary>
    /// Handles the due events of <paramref name="source"/> ("*" for every sender) together, up to
    /// <see cref="BatchSize"/> at a time, where one call for many events is cheaper (a batched read of the records they
    /// name). A call that throws is made again one event at a time, and the events that fail alone are retried
    /// and dead-lettered as with <see cref="Handle"/>; an event is handled when its batch handlers and its own handlers have all succeeded.
    /// </summary>
    public WebhookDispatcherOptions HandleBatch(string source, Func<IReadOnlyList<WebhookEvent>, CancellationToken, Task> handler)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        _handlers.Add(new WebhookHandlerRegistration(source, null, handler ?? throw new ArgumentNullException(nameof(handler))));
        return this;
    }
}
