using System;
using System.Net.Http;
using System.Threading.Tasks;
using CrmSdkGen.Runtime.Diagnostics;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace CrmSdkGen.Runtime.Resilience;

/// <summary>
/// Builds the Polly pipeline one generated client sends through: overall timeout, then retries, then the client-side
/// rate limiter and the per-attempt timeout, so that every attempt waits for a permit and has its own deadline.
/// </summary>
internal static class ApiPipeline
{
    public static readonly ResiliencePropertyKey<PipelineCall> CallKey = new("CrmSdkGen.Call");

    public static ResiliencePipeline<HttpResponseMessage> Build(PipelineSettings settings, ILogger? logger)
    {
        var retry = settings.Retry ?? new RetryOptions();
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = settings.TimeProvider };
        if (settings.Timeout is { } overall)
        {
            builder.AddTimeout(overall);
        }

        if (retry.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = retry.MaxRetries,
                Delay = retry.BaseDelay,
                MaxDelay = retry.MaxDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = retry.UseJitter,
                ShouldHandle = arguments => new ValueTask<bool>(ShouldRetry(arguments.Outcome, arguments.Context, retry, settings.TimeProvider)),
                DelayGenerator = arguments => new ValueTask<TimeSpan?>(
                    arguments.Outcome.Result is { } response ? ServerDelay.From(response, settings.TimeProvider.GetUtcNow()) : null),
                OnRetry = arguments =>
                {
                    var call = arguments.Context.Properties.GetValue(CallKey, null!);
                    if (logger is not null)
                    {
                        var reason = arguments.Outcome.Result is { } failed ? "status " + (int)failed.StatusCode : arguments.Outcome.Exception?.GetType().Name ?? "an unknown failure";
                        ApiLog.Retrying(logger, call.Method.Method, call.PathTemplate, arguments.RetryDelay.TotalMilliseconds, arguments.AttemptNumber + 2, reason);
                    }

                    arguments.Outcome.Result?.Dispose();
                    return default;
                },
            });
        }

        if (settings.RateLimiter is { } limiter)
        {
            builder.AddRateLimiter(limiter);
        }

        if (settings.AttemptTimeout is { } attempt)
        {
            builder.AddTimeout(attempt);
        }

        return builder.Build();
    }

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context, RetryOptions retry, TimeProvider time)
    {
        var call = context.Properties.GetValue(CallKey, null!);
        int? status = outcome.Result is { } response ? (int)response.StatusCode : null;
        var exception = outcome.Exception;
        if (status is { } code && !RetryRules.IsRetryableStatus(code))
        {
            return false;
        }

        if (exception is not null && (context.CancellationToken.IsCancellationRequested && exception is not TimeoutRejectedException || !RetryRules.IsTransient(exception)))
        {
            return false;
        }

        if (outcome.Result is { } answered && ServerDelay.From(answered, time.GetUtcNow()) > retry.MaxRetryAfter)
        {
            return false;
        }

        var notProcessed = RetryRules.WasNotProcessed(status, exception);
        if (!call.IsReplayable)
        {
            // The body stream has been read; only a request that never left can go again.
            return exception is not null && notProcessed;
        }

        return RetryRules.IsIdempotent(call.Method) || call.HasIdempotencyKey || notProcessed;
    }
}
