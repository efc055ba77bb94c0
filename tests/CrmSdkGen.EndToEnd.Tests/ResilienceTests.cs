using System.Threading.RateLimiting;
using Acme.Crm;
using Acme.Crm.Models;
using CrmSdkGen.Runtime.Auth;
using CrmSdkGen.Runtime.Auth.OAuth2;
using CrmSdkGen.Runtime.Http;
using Microsoft.Extensions.Logging;

namespace CrmSdkGen.EndToEnd.Tests;

/// <summary>What a generated client does against a server that fails the way CRMs fail, counted on the server.</summary>
public sealed class ResilienceTests(FaultServer server) : IClassFixture<FaultServer>
{
    [Fact]
    public async Task A_429_with_Retry_After_in_seconds_is_waited_out_then_retried()
    {
        var scenario = server.Scenario("ratelimited");
        var (client, logs) = Create(scenario);

        var contact = await client.Contacts.GetByIdAsync("c1");

        Assert.Equal("c1", contact.Id);
        Assert.Equal(2, server.Attempts(scenario));
        var retry = Assert.Single(logs.Entries, entry => entry.EventName == "Retrying");
        Assert.Equal(1000.0, Value<double>(retry, "DelayMilliseconds"));
    }

    [Theory]
    [InlineData("ratedate")]
    [InlineData("ratereset")]
    public async Task A_429_with_an_HTTP_date_or_a_rate_limit_reset_header_is_waited_out(string kind)
    {
        var scenario = server.Scenario(kind);
        var (client, logs) = Create(scenario);

        await client.Contacts.GetByIdAsync("c1");

        Assert.Equal(2, server.Attempts(scenario));
        var delay = Value<double>(Assert.Single(logs.Entries, entry => entry.EventName == "Retrying"), "DelayMilliseconds");
        Assert.InRange(delay, 1.0, 3000.0);
    }

    [Fact]
    public async Task A_wait_longer_than_the_allowed_Retry_After_is_not_taken()
    {
        var scenario = server.Scenario("toolong");
        var (client, _) = Create(scenario);

        var error = await Assert.ThrowsAsync<ApiException>(() => client.Contacts.GetByIdAsync("c1"));

        Assert.Equal(429, error.StatusCode);
        Assert.Equal(1, server.Attempts(scenario));
    }

    [Fact]
    public async Task Two_503s_then_success_is_a_success_after_three_attempts()
    {
        var scenario = server.Scenario("unavailable");
        var (client, _) = Create(scenario);

        var contact = await client.Contacts.GetByIdAsync("c1");

        Assert.Equal("ada@example.com", contact.Email);
        Assert.Equal(3, server.Attempts(scenario));
    }

    [Fact]
    public async Task A_connection_reset_in_the_middle_of_the_response_is_retried()
    {
        var scenario = server.Scenario("reset");
        var (client, logs) = Create(scenario);

        var contact = await client.Contacts.GetByIdAsync("c1");

        Assert.Equal("c1", contact.Id);
        Assert.Equal(2, server.Attempts(scenario));
        Assert.Contains(logs.Entries, entry => entry.EventName == "AttemptFailed");
    }

    [Fact]
    public async Task An_attempt_past_its_timeout_is_abandoned_and_retried()
    {
        var scenario = server.Scenario("slow");
        var (client, _) = Create(scenario, options => options.AttemptTimeout = TimeSpan.FromSeconds(1));

        var contact = await client.Contacts.GetByIdAsync("c1");

        Assert.Equal("c1", contact.Id);
        Assert.Equal(2, server.Attempts(scenario));
    }

    [Fact]
    public async Task The_overall_timeout_ends_the_call_with_a_TimeoutException()
    {
        var scenario = server.Scenario("hang");
        var (client, _) = Create(scenario, options =>
        {
            options.AttemptTimeout = TimeSpan.FromMilliseconds(200);
            options.Timeout = TimeSpan.FromMilliseconds(700);
            options.Retry.MaxRetries = 100;
        });

        var error = await Assert.ThrowsAsync<TimeoutException>(() => client.Contacts.GetByIdAsync("c1"));

        Assert.Contains("GET /contacts/{contactId}", error.Message, StringComparison.Ordinal);
        Assert.InRange(server.Attempts(scenario), 1, 5);
    }

    [Fact]
    public async Task Truncated_JSON_in_a_complete_response_is_an_ApiException_with_the_body_and_is_not_retried()
    {
        var scenario = server.Scenario("badjson");
        var (client, _) = Create(scenario);

        var error = await Assert.ThrowsAsync<ApiException>(() => client.Contacts.GetByIdAsync("c1"));

        Assert.Equal(200, error.StatusCode);
        Assert.StartsWith("{\"id\":\"c1\"", error.RawBody, StringComparison.Ordinal);
        Assert.Equal(1, server.Attempts(scenario));
    }

    [Fact]
    public async Task A_401_renews_the_OAuth2_token_once_and_sends_again()
    {
        var scenario = server.Scenario("auth");
        var credential = new OAuth2ClientCredential(new Uri(server.BaseAddress, "token"), "renewing-client", "client-secret-789");
        var (client, logs) = Create(scenario, options => { options.ApiKey = null; options.Bearer = credential; });

        var contact = await client.Contacts.GetByIdAsync("c1");

        Assert.Equal("c1", contact.Id);
        Assert.Equal(2, server.Attempts(scenario));
        Assert.Equal(2, credential.TokensIssued);
        Assert.Contains(logs.Entries, entry => entry.EventName == "CredentialRejected");
    }

    [Fact]
    public async Task Concurrent_calls_share_one_token_request()
    {
        var scenario = server.Scenario("any");
        var credential = new OAuth2ClientCredential(new Uri(server.BaseAddress, "token"), "concurrent-client", "secret");
        var (client, _) = Create(scenario, options => { options.ApiKey = null; options.Bearer = credential; });

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.Contacts.GetByIdAsync("c1")));

        Assert.Equal(1, credential.TokensIssued);
        Assert.Equal(20, server.Attempts(scenario));
    }

    [Fact]
    public async Task A_POST_is_not_repeated_after_a_503_because_the_server_may_have_acted_on_it()
    {
        var scenario = server.Scenario("down");
        var (client, _) = Create(scenario);

        var error = await Assert.ThrowsAsync<ApiException>(() => client.Contacts.CreateContactAsync(new ContactInput { Email = "x@example.com" }));

        Assert.Equal(503, error.StatusCode);
        Assert.Equal("maintenance", error.RawBody);
        Assert.Equal(1, server.Attempts(scenario));
    }

    [Fact]
    public async Task A_POST_with_an_idempotency_key_is_repeated_with_the_same_key()
    {
        var scenario = server.Scenario("down");
        var (client, _) = Create(scenario, options => options.AddIdempotencyKeys = true);

        await Assert.ThrowsAsync<ApiException>(() => client.Contacts.CreateContactAsync(new ContactInput { Email = "x@example.com" }));

        Assert.Equal(3, server.Attempts(scenario));
        var keys = server.IdempotencyKeys(scenario);
        Assert.NotNull(keys[0]);
        Assert.All(keys, key => Assert.Equal(keys[0], key));
    }

    [Fact]
    public async Task A_POST_whose_connection_was_refused_is_repeated()
    {
        var closedPort = new Uri($"http://127.0.0.1:{UnusedPort()}/v1/");
        var (client, logs) = Create(closedPort);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.Contacts.CreateContactAsync(new ContactInput { Email = "x@example.com" }));

        Assert.Equal(HttpRequestError.ConnectionError, error.HttpRequestError);
        Assert.Equal(3, logs.Entries.Count(entry => entry.EventName == "AttemptFailed"));
    }

    [Fact]
    public async Task Logs_and_exceptions_name_the_path_template_and_never_a_secret()
    {
        var scenario = server.Scenario("down");
        var (client, logs) = Create(scenario, options => options.Bearer = new BearerTokenCredential("bearer-secret-456"));

        await client.Contacts.GetByIdAsync("c1", xRequestId: Guid.NewGuid());
        var error = await Assert.ThrowsAsync<ApiException>(() => client.Contacts.CreateContactAsync(new ContactInput { Email = "private@example.com" }));

        var written = string.Join("\n", logs.Entries.Select(entry => entry.Message)) + "\n" + error + "\n" + client;
        Assert.Contains("GET /contacts/{contactId} answered 200", written, StringComparison.Ordinal);
        Assert.Contains("POST /contacts answered 503", written, StringComparison.Ordinal);
        Assert.Contains("(attempt 1)", written, StringComparison.Ordinal);
        foreach (var secret in new[] { "sk-secret-123", "bearer-secret-456", "private@example.com", "/c1" })
        {
            Assert.DoesNotContain(secret, written, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Each_call_is_one_client_activity_with_its_template_status_and_attempts()
    {
        var scenario = server.Scenario("unavailable");
        var (client, _) = Create(scenario);
        var activities = new List<System.Diagnostics.Activity>();
        string? parentId;
        using var listener = new System.Diagnostics.ActivityListener
        {
            ShouldListenTo = source => source.Name == CrmSdkGen.Runtime.Diagnostics.ApiActivitySource.Name,
            Sample = (ref System.Diagnostics.ActivityCreationOptions<System.Diagnostics.ActivityContext> _) => System.Diagnostics.ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => { lock (activities) { activities.Add(activity); } },
        };
        System.Diagnostics.ActivitySource.AddActivityListener(listener);

        // Other tests run in parallel; the test's own parent activity tells its call apart.
        using (var parent = new System.Diagnostics.Activity("test").Start())
        {
            await client.Contacts.GetByIdAsync("c1");
            parentId = parent.Id;
        }

        List<System.Diagnostics.Activity> stopped;
        lock (activities)
        {
            stopped = activities.ToList();
        }

        var call = Assert.Single(stopped, activity => activity.ParentId == parentId);
        Assert.Equal("GET /contacts/{contactId}", call.DisplayName);
        Assert.Equal(System.Diagnostics.ActivityKind.Client, call.Kind);
        Assert.Equal(200, call.GetTagItem("http.response.status_code"));
        Assert.Equal(3, call.GetTagItem("crmsdkgen.attempts"));
    }

    [Fact]
    public async Task WithResponse_methods_return_status_and_headers_with_the_value()
    {
        var scenario = server.Scenario("headers");
        var (client, _) = Create(scenario);

        var response = await client.Contacts.GetByIdWithResponseAsync("c1");

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("42", response.Header("X-RateLimit-Remaining"));
        Assert.Equal("c1", response.Value.Id);
    }

    [Fact]
    public async Task A_client_side_rate_limiter_gives_every_attempt_a_permit()
    {
        var scenario = server.Scenario("unavailable");
        using var limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = 1, TokensPerPeriod = 1, ReplenishmentPeriod = TimeSpan.FromMilliseconds(50), QueueLimit = 10, AutoReplenishment = true,
        });
        var (client, _) = Create(scenario, options => options.RateLimiter = limiter);

        await client.Contacts.GetByIdAsync("c1");

        Assert.Equal(3, limiter.GetStatistics()!.TotalSuccessfulLeases);
    }

    private (AcmeCrmClient Client, CapturingLoggerProvider Logs) Create(Uri baseAddress, Action<AcmeCrmClientOptions>? configure = null)
    {
        var logs = new CapturingLoggerProvider();
        var options = new AcmeCrmClientOptions
        {
            LoggerFactory = LoggerFactory.Create(builder => builder.AddProvider(logs)),
            ApiKey = new ApiKeyCredential("sk-secret-123"),
        };
        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(20);
        options.Retry.MaxRetries = 2;
        configure?.Invoke(options);
        return (new AcmeCrmClient(new HttpClient { BaseAddress = baseAddress }, options), logs);
    }

    private static T Value<T>((string EventName, string Message, IReadOnlyList<KeyValuePair<string, object?>> State) entry, string name) =>
        (T)entry.State.First(pair => pair.Key == name).Value!;

    private static int UnusedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
