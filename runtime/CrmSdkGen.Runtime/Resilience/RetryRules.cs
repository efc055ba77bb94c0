using System;
using System.IO;
using System.Net.Http;
using Polly.Timeout;

namespace CrmSdkGen.Runtime.Resilience;

/// <summary>Which outcomes of an attempt are worth another one, and when a request is safe to send twice.</summary>
internal static class RetryRules
{
    public static bool IsRetryableStatus(int status) => status is 408 or 429 or 500 or 502 or 503 or 504;

    public static bool IsIdempotent(HttpMethod method) => method != HttpMethod.Post && method != HttpMethod.Patch;

    /// <summary>Whether the server cannot have acted on the request: it refused it for its rate, or it was never connected to.</summary>
    public static bool WasNotProcessed(int? status, Exception? exception) =>
        status == 429 || exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError };

    /// <summary>Network failures and attempt timeouts; the caller's own cancellation is not one.</summary>
    public static bool IsTransient(Exception exception) =>
        exception is HttpRequestException { InnerException: not RequestBodyException } or IOException or TimeoutRejectedException
        || (exception is OperationCanceledException { InnerException: TimeoutException });
}
