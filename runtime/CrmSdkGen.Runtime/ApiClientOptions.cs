using System;
using System.Collections.Generic;
using System.Threading.RateLimiting;
using CrmSdkGen.Runtime.Auth;
using CrmSdkGen.Runtime.Resilience;
using CrmSdkGen.Runtime.Validation;
using Microsoft.Extensions.Logging;

namespace CrmSdkGen.Runtime;

/// <summary>Settings shared by every generated client; each generated client derives its own options from this.</summary>
public class ApiClientOptions
{
    private readonly Dictionary<string, ApiCredential> _credentials = new(StringComparer.Ordinal);

    /// <summary>
    /// The base address of the API. Used when the HttpClient has no BaseAddress; when both are empty, the spec's first server is used.
    /// </summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>When and how often failed requests are retried.</summary>
    public RetryOptions Retry { get; set; } = new();

    /// <summary>The longest one attempt may take before it is abandoned (and retried when that is safe). Default 30 seconds; null for none.</summary>
    public TimeSpan? AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest a call may take over all its attempts and waits. Default none (the HttpClient's own timeout still applies).</summary>
    public TimeSpan? Timeout { get; set; }

    /// <summary>
    /// An optional client-side rate limiter that every attempt waits on, so a client stays under a CRM's quota instead of
    /// collecting 429s (for example a <see cref="TokenBucketRateLimiter"/> of 100 requests per 10 seconds).
    /// </summary>
    public RateLimiter? RateLimiter { get; set; }

    /// <summary>
    /// The header that carries an idempotency key. A POST or PATCH that has it is retried like a GET, because the
    /// server will not apply it twice. Default "Idempotency-Key".
    /// </summary>
    public string IdempotencyKeyHeader { get; set; } = "Idempotency-Key";

    /// <summary>Whether POST and PATCH requests without an idempotency key get a new random one, making them safe to retry. Default false.</summary>
    public bool AddIdempotencyKeys { get; set; }

    /// <summary>Where request and response events go. Paths are logged as the spec's templates and no header or query value is logged.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>Whether request and response bodies are validated against their schema, and the company rules and correctors to apply.</summary>
    public ValidationSettings Validation { get; set; } = new();

    /// <summary>The clock of retry delays and timeouts; tests may replace it.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Sets or clears the credential for the security scheme named <paramref name="schemeKey"/> in the spec.</summary>
    public void SetCredential(string schemeKey, ApiCredential? credential)
    {
        if (credential is null)
        {
            _credentials.Remove(schemeKey);
        }
        else
        {
            _credentials[schemeKey] = credential;
        }
    }

    /// <summary>The names of the security schemes that have a credential.</summary>
    internal IEnumerable<string> ConfiguredSchemes => _credentials.Keys;

    /// <summary>The credential configured for the security scheme named <paramref name="schemeKey"/>, if any.</summary>
    public ApiCredential? GetCredential(string schemeKey) => _credentials.TryGetValue(schemeKey, out var credential) ? credential : null;
}
