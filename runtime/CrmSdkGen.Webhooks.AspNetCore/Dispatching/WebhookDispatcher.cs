using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CrmSdkGen.Runtime.Webhooks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CrmSdkGen.Webhooks.Dispatching;

/// <summary>
/// Hands the inbox's pending events to their handlers, apart from the requests that delivered them (so a slow handler
/// never makes a CRM wait): on success the event is marked handled; on failure it is tried again after a backoff, and
/// dead-lettered after the last attempt, where <see cref="IWebhookInbox.GetDeadLettersAsync"/> shows it and
/// <see cref="IWebhookInbox.ReplayAsync"/> sends it round again. Events left pending by a process that died are
/// handled after the restart.
/// </summary>
public sealed class WebhookDispatcher : BackgroundService
{
    private readonly IWebhookInbox _inbox;
    private readonly WebhookDispatcherOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _wake = new(0, 1);

    /// <summary>A dispatcher of <paramref name="inbox"/>'s events.</summary>
    public WebhookDispatcher(IWebhookInbox inbox, WebhookDispatcherOptions options, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        _inbox = inbox ?? throw new ArgumentNullException(nameof(inbox));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("CrmSdkGen.Webhooks");
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Makes the dispatcher look at the inbox now (the endpoint calls it after storing a delivery).</summary>
    public void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken.
        }
    }

    /// <summary>Handles the events due now, batch by batch, until none is due; returns how many were handled.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken = default)
    {
        var handled = 0;
        while (true)
        {
            var due = await _inbox.TakeDueAsync(_options.BatchSize, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            if (due.Count == 0)
            {
                return handled;
            }

            var batchFailures = await HandleBatchesAsync(due, cancellationToken).ConfigureAwait(false);
            foreach (var item in due)
            {
                handled += await HandleAsync(item, batchFailures.GetValueOrDefault(item), cancellationToken).ConfigureAwait(false) ? 1 : 0;
            }
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DispatchDueAsync(stoppingToken).ConfigureAwait(false);
                await _wake.WaitAsync(_options.PollInterval, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // The inbox could not be read: its events stay pending and are tried at the next look.
                _logger.LogError(exception, "The webhook inbox could not be read; trying again.");
                await Task.Delay(_options.PollInterval, stoppingToken).ContinueWith(static _ => { }, TaskScheduler.Default).ConfigureAwait(false);
            }
        }
    }

    // Runs each batch handler over the due events it takes. A call that throws is made again one event at a time, so
    // that one event the handler cannot take fails alone instead of taking its batch to the dead letters with it.
    private async Task<Dictionary<WebhookEvent, Exception>> HandleBatchesAsync(IReadOnlyList<WebhookEvent> due, CancellationToken cancellationToken)
    {
        var failures = new Dictionary<WebhookEvent, Exception>(ReferenceEqualityComparer.Instance);
        foreach (var registration in _options.Handlers)
        {
            if (registration.PerBatch is not { } handler || due.Where(registration.Takes).ToList() is not { Count: > 0 } batch)
            {
                continue;
            }

            if (await TryAsync(handler, batch, cancellationToken).ConfigureAwait(false) is not { } failure)
            {
                continue;
            }

            foreach (var item in batch)
            {
                if ((batch.Count == 1 ? failure : await TryAsync(handler, [item], cancellationToken).ConfigureAwait(false)) is { } alone)
                {
                    failures.TryAdd(item, alone);
                }
            }
        }

        return failures;
    }

    private static async Task<Exception?> TryAsync(Func<IReadOnlyList<WebhookEvent>, CancellationToken, Task> handler, IReadOnlyList<WebhookEvent> batch, CancellationToken cancellationToken)
    {
        try
        {
            await handler(batch, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            return exception;
        }
    }

    private async Task<bool> HandleAsync(WebhookEvent item, Exception? batchFailure, CancellationToken cancellationToken)
    {
        if ((batchFailure ?? await RunHandlersAsync(item, cancellationToken).ConfigureAwait(false)) is not { } exception)
        {
            await _inbox.MarkHandledAsync(item.Source, item.Id, cancellationToken).ConfigureAwait(false);
            return true;
        }

        var attempts = item.Attempts + 1;
        var error = $"{exception.GetType().Name}: {exception.Message}";
        var retryAt = attempts >= _options.MaxAttempts ? (DateTimeOffset?)null : _time.GetUtcNow() + Backoff(attempts);
        await _inbox.MarkFailedAsync(item.Source, item.Id, error.Length <= 500 ? error : error[..500], retryAt, cancellationToken).ConfigureAwait(false);
        if (retryAt is null)
        {
            _logger.LogError("Dead-lettered {Source} event {EventId} after {Attempts} attempts: {Error}", item.Source, item.Id, attempts, exception.GetType().Name);
        }
        else
        {
            _logger.LogWarning("Handling {Source} event {EventId} failed (attempt {Attempts}); trying again at {RetryAt:O}.", item.Source, item.Id, attempts, retryAt);
        }

        return false;
    }

    // The event's own handlers in the order registered; the first failure stops them and is returned.
    private async Task<Exception?> RunHandlersAsync(WebhookEvent item, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var registration in _options.Handlers)
            {
                if (registration.PerEvent is { } handler && registration.Takes(item))
                {
                    await handler(item, cancellationToken).ConfigureAwait(false);
                }
            }

            return null;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            return exception;
        }
    }

    private TimeSpan Backoff(int attempts) =>
        TimeSpan.FromMilliseconds(Math.Min(_options.BaseBackoff.TotalMilliseconds * Math.Pow(2, Math.Min(attempts - 1, 30)), _options.MaxBackoff.TotalMilliseconds));
}
