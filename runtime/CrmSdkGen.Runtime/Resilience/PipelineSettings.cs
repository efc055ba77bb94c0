using System;
using System.Threading.RateLimiting;

namespace CrmSdkGen.Runtime.Resilience;

/// <summary>What a client's options say about its pipeline: retries, the overall and per-attempt timeouts, the rate limiter and the clock.</summary>
internal sealed record PipelineSettings(RetryOptions? Retry, TimeSpan? Timeout, TimeSpan? AttemptTimeout, RateLimiter? RateLimiter, TimeProvider TimeProvider);
