using System.Net;
using CrmSdkGen.Runtime.Resilience;
using Polly.Timeout;

namespace CrmSdkGen.Tests.Runtime;

/// <summary>How long a server asks the client to wait, from Retry-After or the rate-limit reset headers, and what counts as transient.</summary>
public sealed class ServerDelayTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-06-01T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("Retry-After", "7", 7.0)]
    [InlineData("Retry-After", "Mon, 01 Jun 2026 12:00:30 GMT", 30.0)]
    [InlineData("Retry-After", "Mon, 01 Jun 2026 11:59:00 GMT", 0.0)]
    [InlineData("RateLimit-Reset", "5", 5.0)]
    [InlineData("X-RateLimit-Reset", "0", 0.0)]
    [InlineData("X-Rate-Limit-Reset", "2.5", 2.5)]
    [InlineData("X-RateLimit-Reset", "1780315245", 45.0)]
    [InlineData("X-RateLimit-Reset", "1780315100", 0.0)]
    [InlineData("X-RateLimit-Reset", "1000000000", 0.0)]
    public void The_wait_is_read_from_the_header_the_server_sent(string header, string value, double seconds)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.TryAddWithoutValidation(header, value);

        Assert.Equal(TimeSpan.FromSeconds(seconds), ServerDelay.From(response, Now));
    }

    [Theory]
    [InlineData("X-RateLimit-Reset", "-3")]
    [InlineData("X-RateLimit-Reset", "soon")]
    [InlineData("X-Unrelated", "5")]
    public void No_usable_header_means_no_server_delay(string header, string value)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.TryAddWithoutValidation(header, value);

        Assert.Null(ServerDelay.From(response, Now));
    }

    [Fact]
    public void Transient_failures_are_network_errors_and_attempt_timeouts_and_not_the_caller_s_cancellation()
    {
        Assert.True(RetryRules.IsTransient(new HttpRequestException("reset")));
        Assert.True(RetryRules.IsTransient(new IOException("reset")));
        Assert.True(RetryRules.IsTransient(new TimeoutRejectedException()));
        Assert.True(RetryRules.IsTransient(new TaskCanceledException("timed out", new TimeoutException())));
        Assert.False(RetryRules.IsTransient(new OperationCanceledException()));
        Assert.False(RetryRules.IsTransient(new HttpRequestException("body", new RequestBodyException(new IOException("unreadable")))));
        Assert.Equal(new[] { 408, 429, 500, 502, 503, 504 }, Enumerable.Range(100, 500).Where(RetryRules.IsRetryableStatus));
    }
}
