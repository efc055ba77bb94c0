using System.Diagnostics;
using Acme.Crm;
using Acme.Crm.Models;
using CrmSdkGen.Runtime;
using CrmSdkGen.Runtime.Auth;
using CrmSdkGen.Runtime.Auth.OAuth2;
using CrmSdkGen.Runtime.Http;
using CrmSdkGen.Runtime.Json;
using CrmSdkGen.Runtime.Validation;
using Microsoft.Extensions.Logging;

namespace CrmSdkGen.EndToEnd.Tests;

/// <summary>
/// In every fault scenario (429, 5xx, a reset connection, an attempt timeout, a 401 renewal, unreadable JSON, a response
/// that fails validation) and with credentials of every kind, no log event (message or structured value), exception or
/// activity tag holds a secret, a body value or a path value.
/// </summary>
public sealed class SecretLeakTests(FaultServer server) : IClassFixture<FaultServer>
{
    private const string ApiKey = "sk-leak-1";
    private const string Bearer = "bearer-leak-2";
    private const string ClientSecret = "client-leak-3";
    private const string RefreshToken = "refresh-leak-4";
    private const string Password = "basic-leak-5";
    private const string ClientId = "leakclient";
    private const string BodyValue = "leak@example.com";

    private static readonly string[] Secrets =
    [
        ApiKey, Bearer, ClientSecret, RefreshToken, Password, Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("ada:" + Password)),
        ClientId + "-token-", "rotated-", BodyValue, "/c1",
    ];

    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var scenario in new[] { "ratelimited", "unavailable", "reset", "slow", "auth", "badjson", "baddata", "down" })
        {
            foreach (var credential in new[] { "apiKey", "bearer", "clientCredentials", "refreshToken", "basic" })
            {
                cases.Add(scenario, credential);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task No_log_event_exception_or_activity_tag_holds_a_secret(string scenario, string credential)
    {
        var logs = new CapturingLoggerProvider();
        var activities = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == CrmSdkGen.Runtime.Diagnostics.ApiActivitySource.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => { lock (activities) { activities.Add(activity); } },
        };
        ActivitySource.AddActivityListener(listener);
        var baseAddress = server.Scenario(scenario);
        Exception? failure = null;
        string? parentId;
        using (var parent = new Activity("secret-test").Start())
        {
            parentId = parent.Id;
            try
            {
                await CallAsync(baseAddress, scenario, credential, LoggerFactory.Create(builder => builder.AddProvider(logs)));
            }
            catch (Exception exception) when (exception is ApiException or ApiValidationException or HttpRequestException or TaskCanceledException or TimeoutException or InvalidOperationException)
            {
                failure = exception;
            }
        }

        var written = new List<string>();
        foreach (var (eventName, message, state) in logs.Entries)
        {
            written.Add(eventName + ": " + message);
            written.AddRange(state.Select(pair => pair.Key + "=" + pair.Value));
        }

        if (failure is not null)
        {
            written.Add(failure.ToString());
        }

        lock (activities)
        {
            foreach (var activity in activities.Where(activity => activity.ParentId == parentId))
            {
                written.Add(activity.DisplayName + " " + activity.StatusDescription);
                written.AddRange(activity.TagObjects.Select(tag => tag.Key + "=" + tag.Value));
                written.AddRange(activity.Events.SelectMany(item => item.Tags.Select(tag => item.Name + " " + tag.Key + "=" + tag.Value)));
            }
        }

        var text = string.Join("\n", written);
        Assert.NotEmpty(logs.Entries);
        if (scenario is "ratelimited" or "unavailable" or "reset" or "slow")
        {
            Assert.Contains(logs.Entries, entry => entry.EventName == "Retrying");
            Assert.Contains(logs.Entries, entry => entry.EventName == "AttemptFailed" || entry.Message.Contains(" answered ", StringComparison.Ordinal));
        }

        foreach (var secret in Secrets)
        {
            Assert.False(text.Contains(secret, StringComparison.Ordinal), $"'{secret}' was written: {text}");
        }
    }

    private static async Task CallAsync(Uri baseAddress, string scenario, string credential, ILoggerFactory loggers)
    {
        var options = new AcmeCrmClientOptions { LoggerFactory = loggers, AttemptTimeout = TimeSpan.FromSeconds(2) };
        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(10);
        options.Retry.MaxRetries = 2;
        options.Retry.MaxRetryAfter = TimeSpan.FromSeconds(3);
        if (scenario == "baddata")
        {
            options.Validation.Responses = ValidationMode.Throw;
        }

        var tokenEndpoint = new Uri(new Uri(baseAddress.GetLeftPart(UriPartial.Authority)), "token");
        switch (credential)
        {
            case "apiKey":
                options.ApiKey = new ApiKeyCredential(ApiKey);
                break;
            case "bearer":
                options.Bearer = new BearerTokenCredential(Bearer);
                break;
            case "clientCredentials":
                options.Bearer = new OAuth2ClientCredential(tokenEndpoint, ClientId, ClientSecret);
                break;
            case "refreshToken":
                options.Bearer = new OAuth2RefreshCredential(tokenEndpoint, ClientId, ClientSecret, RefreshToken);
                break;
            default:
                // Basic authentication through the runtime directly: the contacts spec has no basic scheme.
                options.SetCredential("login", new BasicCredential("ada", Password));
                using (var basicHttp = new HttpClient { BaseAddress = baseAddress })
                {
                    var core = new ApiClientCore(basicHttp, options, null);
                    var request = new ApiRequest(HttpMethod.Get, "/contacts/{contactId}", [[new SecurityScheme("login", SecuritySchemeKind.Basic)]]);
                    request.SetPathParameter("contactId", "c1");
                    await core.SendForJsonAsync(request, JsonCodecs.Element, ApiErrorMap.None, allowEmpty: false, CancellationToken.None);
                }

                return;
        }

        using var http = new HttpClient { BaseAddress = baseAddress };
        var client = new AcmeCrmClient(http, options);
        if (scenario == "down")
        {
            await client.Contacts.CreateContactAsync(new ContactInput { Email = BodyValue });
        }
        else
        {
            await client.Contacts.GetByIdAsync("c1");
        }
    }
}
