using System;

namespace CrmSdkGen.Runtime.Resilience;

/// <summary>
/// When and how often a generated client retries. Retried: 408, 429, 500, 502, 503, 504, transient network errors and
/// attempts that ran past the client options' <c>AttemptTimeout</c>. POST and PATCH are retried only when the
/// server cannot have processed the request (the connection was refused, or it answered 429) or when the request
/// carries an idempotency key.
/// </summary>
public sealed class RetryOptions
{
    /// <summary>Retries after the first attempt; 0 turns retrying off. Default 3.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The delay before the first retry; later ones grow exponentially, with jitter. Default 1 second.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest computed delay between attempts. Default 30 seconds.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The longest wait a server may ask for with Retry-After or a rate-limit reset header; when it asks for more, the
    /// response is returned (as the <c>ApiException</c> of its status) instead of waiting. Default 60 seconds.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Whether computed delays are randomised so that many clients do not retry in step. Default true.</summary>
    public bool UseJitter { get; set; } = true;
}
