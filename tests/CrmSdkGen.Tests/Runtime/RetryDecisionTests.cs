using System.Net;
using CrmSdkGen.Runtime.Resilience;
using Microsoft.Extensions.Time.Testing;
using Polly;
using Polly.Timeout;

namespace CrmSdkGen.Tests.Runtime;

/// <summary>The retry pipeline's decisions, attempt by attempt, with answers and failures made up in process.</summary>
public sealed class RetryDecisionTests
{
    [Theory]
    [InlineData(404, 1)]
    [InlineData(400, 1)]
    [InlineData(503, 3)]
    [InlineData(429, 3)]
    public async Task Only_retryable_statuses_are_tried_again(int status, int attempts)
    {
        var (made, _) = await RunAsync(new Call(HttpMethod.Get), Enumerable.Repeat<object>(status, 5));

        Assert.Equal(attempts, made);
    }

    [Fact]
    public async Task A_Retry_After_equal_to_the_longest_allowed_wait_is_still_waited_out()
    {
        var retry = new RetryOptions { MaxRetries = 1, MaxRetryAfter = TimeSpan.Zero, BaseDelay = TimeSpan.Zero, UseJitter = false };

        var (made, _) = await RunAsync(new Call(HttpMethod.Get), new object[] { (429, "0"), 200 }, retry);

        Assert.Equal(2, made);
    }

    [Theory]
    [InlineData("0", 2)]
    [InlineData("59", 2)]
    [InlineData("120", 1)]
    public async Task A_Retry_After_within_the_longest_allowed_wait_is_waited_out_and_a_longer_one_is_not(string retryAfter, int attempts)
    {
        var clock = new FakeTimeProvider();
        var running = RunAsync(new Call(HttpMethod.Get), new object[] { (429, retryAfter), 200 }, new RetryOptions { MaxRetries = 1, UseJitter = false }, clock: clock);
        while (!running.IsCompleted)
        {
            clock.Advance(TimeSpan.FromSeconds(30));
            await Task.Yield();
        }

        Assert.Equal(attempts, (await running).Attempts);
    }

    [Fact]
    public async Task No_retries_means_one_attempt()
    {
        Assert.Equal(1, (await RunAsync(new Call(HttpMethod.Get), new object[] { 503, 200 }, new RetryOptions { MaxRetries = 0 })).Attempts);
    }

    [Fact]
    public async Task A_failure_that_is_not_a_network_one_is_not_retried()
    {
        Assert.Equal(1, (await RunAsync(new Call(HttpMethod.Get), new object[] { new InvalidOperationException("a bug"), 200 }, expectFailure: true)).Attempts);
    }

    [Fact]
    public async Task The_overall_timeout_ends_the_call_and_an_attempt_timeout_starts_another_attempt()
    {
        var clock = new FakeTimeProvider();
        var hangs = new Func<CancellationToken, ValueTask<HttpResponseMessage>>(async token =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, clock, token);
            return new HttpResponseMessage(HttpStatusCode.OK);
        });
        var overall = ApiPipeline.Build(new PipelineSettings(new RetryOptions { MaxRetries = 0 }, TimeSpan.FromSeconds(10), null, null, clock), null);
        var running = Execute(overall, new Call(HttpMethod.Get), new[] { hangs });
        clock.Advance(TimeSpan.FromSeconds(11));
        await Assert.ThrowsAsync<TimeoutRejectedException>(() => running);

        var perAttempt = ApiPipeline.Build(new PipelineSettings(new RetryOptions { MaxRetries = 1, BaseDelay = TimeSpan.Zero, UseJitter = false }, null, TimeSpan.FromSeconds(5), null, clock), null);
        var second = Execute(perAttempt, new Call(HttpMethod.Get), new[] { hangs, _ => new ValueTask<HttpResponseMessage>(new HttpResponseMessage(HttpStatusCode.Accepted)) });
        while (!second.IsCompleted)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Yield();
        }

        Assert.Equal(HttpStatusCode.Accepted, (await second).StatusCode);
    }

    [Fact]
    public async Task Every_attempt_waits_for_a_permit_of_the_client_side_rate_limiter()
    {
        using var limiter = new System.Threading.RateLimiting.ConcurrencyLimiter(new() { PermitLimit = 1, QueueLimit = 0 });
        using var taken = await limiter.AcquireAsync();
        var pipeline = ApiPipeline.Build(new PipelineSettings(new RetryOptions { MaxRetries = 0 }, null, null, limiter, TimeProvider.System), null);

        await Assert.ThrowsAsync<Polly.RateLimiting.RateLimiterRejectedException>(() => Execute(pipeline, new Call(HttpMethod.Get), new Func<CancellationToken, ValueTask<HttpResponseMessage>>[] { _ => new ValueTask<HttpResponseMessage>(new HttpResponseMessage(HttpStatusCode.OK)) }));
    }

    [Fact]
    public async Task A_POST_is_retried_after_a_refused_connection_or_a_429_but_not_after_a_reset_or_a_503()
    {
        Assert.Equal(2, (await RunAsync(new Call(HttpMethod.Post), new object[] { new HttpRequestException(HttpRequestError.ConnectionError, "refused"), 200 })).Attempts);
        Assert.Equal(2, (await RunAsync(new Call(HttpMethod.Post), new object[] { 429, 200 })).Attempts);
        Assert.Equal(1, (await RunAsync(new Call(HttpMethod.Post), new object[] { new HttpRequestException("reset", new IOException("reset")), 200 }, expectFailure: true)).Attempts);
        Assert.Equal(1, (await RunAsync(new Call(HttpMethod.Post), new object[] { 503, 200 })).Attempts);
        Assert.Equal(2, (await RunAsync(new Call(HttpMethod.Post) { Keyed = true }, new object[] { 503, 200 })).Attempts);
    }

    [Fact]
    public async Task A_body_that_cannot_be_sent_again_is_retried_only_when_it_never_left()
    {
        Assert.Equal(2, (await RunAsync(new Call(HttpMethod.Put) { Replayable = false }, new object[] { new HttpRequestException(HttpRequestError.ConnectionError, "refused"), 200 })).Attempts);
        Assert.Equal(1, (await RunAsync(new Call(HttpMethod.Put) { Replayable = false }, new object[] { 429, 200 })).Attempts);
        Assert.Equal(1, (await RunAsync(new Call(HttpMethod.Put) { Replayable = false }, new object[] { new HttpRequestException("reset", new IOException("reset")), 200 }, expectFailure: true)).Attempts);
    }

    [Fact]
    public async Task A_GET_is_retried_after_a_reset_and_an_attempt_timeout_but_not_after_the_caller_cancels()
    {
        Assert.Equal(3, (await RunAsync(new Call(HttpMethod.Get), new object[] { new HttpRequestException("reset", new IOException("reset")), new TimeoutRejectedException(), 200 })).Attempts);
        using var cancelled = new CancellationTokenSource();
        Func<Exception> cancelThenReset = () =>
        {
            cancelled.Cancel();
            return new HttpRequestException("reset", new IOException("reset"));
        };
        Assert.Equal(1, (await RunAsync(new Call(HttpMethod.Get), new object[] { cancelThenReset, 200 }, expectFailure: true, token: cancelled.Token)).Attempts);
    }

    [Fact]
    public async Task Each_retry_is_logged_with_its_reason_and_the_next_attempt_number_and_the_failed_answer_is_disposed()
    {
        var first = new TrackedContent();
        var (_, logger) = await RunAsync(new Call(HttpMethod.Get), new object[] { (503, first), new HttpRequestException("reset", new IOException("reset")), 200 });

        Assert.Equal(new[] { ("status 503", 2), ("HttpRequestException", 3) }, logger.Events.Where(entry => entry.Event == "Retrying").Select(entry => ((string)entry.Values["Reason"]!, (int)entry.Values["NextAttempt"]!)));
        Assert.True(first.Disposed);
    }

    [Fact]
    public async Task Waits_run_on_the_client_options_clock()
    {
        var clock = new FakeTimeProvider();
        var retry = new RetryOptions { MaxRetries = 1, BaseDelay = TimeSpan.FromHours(1), MaxDelay = TimeSpan.FromHours(1), UseJitter = false };
        var running = RunAsync(new Call(HttpMethod.Get), new object[] { 503, 200 }, retry, clock: clock);

        while (!running.IsCompleted)
        {
            clock.Advance(TimeSpan.FromMinutes(10));
            await Task.Yield();
        }

        Assert.Equal(2, (await running).Attempts);
    }

    [Fact]
    public void Retry_options_default_to_three_jittered_retries_from_one_second_up_to_thirty()
    {
        var options = new RetryOptions();

        Assert.Equal((3, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60), true), (options.MaxRetries, options.BaseDelay, options.MaxDelay, options.MaxRetryAfter, options.UseJitter));
    }

    private static async Task<(int Attempts, RecordingLogger Logger)> RunAsync(Call call, IEnumerable<object> outcomes, RetryOptions? retry = null, bool expectFailure = false, CancellationToken token = default, TimeProvider? clock = null)
    {
        var logger = new RecordingLogger();
        retry ??= new RetryOptions { MaxRetries = 2, BaseDelay = TimeSpan.Zero, UseJitter = false };
        var pipeline = ApiPipeline.Build(new PipelineSettings(retry, null, null, null, clock ?? TimeProvider.System), logger);
        var queue = new Queue<object>(outcomes);
        var attempts = 0;
        var context = ResilienceContextPool.Shared.Get(token);
        context.Properties.Set(ApiPipeline.CallKey, call);
        try
        {
            var response = await pipeline.ExecuteAsync(
                _ =>
                {
                    attempts++;
                    return queue.Dequeue() switch
                    {
                        Exception exception => throw exception,
                        Func<Exception> failure => throw failure(),
                        (int status, string retryAfter) => new ValueTask<HttpResponseMessage>(Answer(status, retryAfter: retryAfter)),
                        (int status, HttpContent content) => new ValueTask<HttpResponseMessage>(Answer(status, content)),
                        int status => new ValueTask<HttpResponseMessage>(Answer(status)),
                        var other => throw new InvalidOperationException(other.ToString()),
                    };
                },
                context);
            response.Dispose();
            Assert.False(expectFailure, "The call was expected to fail.");
        }
        catch (Exception exception) when (expectFailure && exception is HttpRequestException or OperationCanceledException or InvalidOperationException)
        {
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        return (attempts, logger);
    }

    private static async Task<HttpResponseMessage> Execute(Polly.ResiliencePipeline<HttpResponseMessage> pipeline, Call call, IReadOnlyList<Func<CancellationToken, ValueTask<HttpResponseMessage>>> attempts)
    {
        var made = 0;
        var context = ResilienceContextPool.Shared.Get(CancellationToken.None);
        context.Properties.Set(ApiPipeline.CallKey, call);
        try
        {
            return await pipeline.ExecuteAsync(current => attempts[made++](current.CancellationToken), context);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static HttpResponseMessage Answer(int status, HttpContent? content = null, string? retryAfter = null)
    {
        var response = new HttpResponseMessage((HttpStatusCode)status) { Content = content ?? new StringContent("{}") };
        if (retryAfter is not null)
        {
            response.Headers.TryAddWithoutValidation("Retry-After", retryAfter);
        }

        return response;
    }

    private sealed class Call(HttpMethod method) : PipelineCall
    {
        public override HttpMethod Method => method;

        public override string PathTemplate => "/contacts";

        public override bool IsReplayable => Replayable;

        public override bool HasIdempotencyKey => Keyed;

        public bool Replayable { get; init; } = true;

        public bool Keyed { get; init; }
    }

    private sealed class TrackedContent : StringContent
    {
        public TrackedContent()
            : base("{}")
        {
        }

        public bool Disposed { get; private set; }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }
}
