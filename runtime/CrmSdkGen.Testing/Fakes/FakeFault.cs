using System;
using System.Globalization;

namespace CrmSdkGen.Testing.Fakes;

/// <summary>A failure the fake answers with instead of the operation's own answer, to test retries and error handling.</summary>
public sealed class FakeFault
{
    private FakeFault(FakeFaultKind kind, int status, TimeSpan? retryAfter)
    {
        Kind = kind;
        Status = status;
        RetryAfter = retryAfter;
    }

    internal FakeFaultKind Kind { get; }

    internal int Status { get; }

    internal TimeSpan? RetryAfter { get; }

    /// <summary>429 Too Many Requests, with a Retry-After header when <paramref name="retryAfter"/> is given.</summary>
    public static FakeFault TooManyRequests(TimeSpan? retryAfter = null) => new(FakeFaultKind.Status, 429, retryAfter);

    /// <summary>A server error: 500, 502, 503 or 504 (503 by default).</summary>
    public static FakeFault ServerError(int status = 503) =>
        status is >= 500 and <= 599 ? new(FakeFaultKind.Status, status, null) : throw new ArgumentOutOfRangeException(nameof(status), status, "A server error's status is 5xx.");

    /// <summary>No answer: the request waits until the caller gives up (its timeout or cancellation).</summary>
    public static FakeFault Timeout() => new(FakeFaultKind.Timeout, 0, null);

    /// <summary>The connection drops before an answer: the caller sees an <c>HttpRequestException</c>.</summary>
    public static FakeFault ConnectionReset() => new(FakeFaultKind.Reset, 0, null);

    /// <summary>207 Multi-Status, the partial success of a batch: the spec's 207 answer when it declares one.</summary>
    public static FakeFault MultiStatus() => new(FakeFaultKind.Status, 207, null);

    internal string? RetryAfterHeader => RetryAfter is { } delay ? ((long)Math.Ceiling(delay.TotalSeconds)).ToString(CultureInfo.InvariantCulture) : null;
}
