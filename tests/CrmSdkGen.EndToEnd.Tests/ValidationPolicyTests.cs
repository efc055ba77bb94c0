using Acme.Crm;
using Acme.Crm.Models;
using CrmSdkGen.Runtime;
using CrmSdkGen.Runtime.Http;
using CrmSdkGen.Runtime.Json;
using CrmSdkGen.Runtime.Validation;
using Microsoft.Extensions.Logging;

namespace CrmSdkGen.EndToEnd.Tests;

/// <summary>The client's validation policy on a real server: requests checked before sending, responses after reading.</summary>
public sealed class ValidationPolicyTests(FaultServer server, EchoServer echo) : IClassFixture<FaultServer>, IClassFixture<EchoServer>
{
    [Fact]
    public async Task An_invalid_request_body_is_refused_before_it_is_sent()
    {
        var scenario = server.Scenario("any");
        var client = Client(scenario, options => options.Validation.Requests = ValidationMode.Throw);

        var error = await Assert.ThrowsAsync<ApiValidationException>(() => client.Contacts.CreateContactAsync(new ContactInput { Email = "not-an-email" }));

        Assert.Equal("request", error.Direction);
        Assert.Equal(("/email", "format"), (error.Errors[0].Path, error.Errors[0].Rule));
        Assert.Equal(0, server.Attempts(scenario));
    }

    [Fact]
    public async Task A_response_that_drifts_from_the_spec_is_reported_and_still_returned()
    {
        var scenario = server.Scenario("baddata");
        var reports = new List<ValidationReport>();
        var logs = new CapturingLoggerProvider();
        var client = Client(scenario, options =>
        {
            options.Validation.Responses = ValidationMode.Report;
            options.Validation.Reported += reports.Add;
            options.LoggerFactory = LoggerFactory.Create(builder => builder.AddProvider(logs));
        });

        var contact = await client.Contacts.GetByIdAsync("c1");

        Assert.Equal("not-an-email", contact.Email);
        var report = Assert.Single(reports);
        Assert.Equal(("response", "GET", "/contacts/{contactId}"), (report.Direction, report.Method, report.PathTemplate));
        Assert.Equal("not-an-email", Assert.Single(report.Result.Errors).Value);
        var logged = Assert.Single(logs.Entries, entry => entry.EventName == "ValidationFailed");
        Assert.Contains("/email format", logged.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-an-email", logged.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_response_that_drifts_from_the_spec_throws_under_the_throw_policy()
    {
        var client = Client(server.Scenario("baddata"), options => options.Validation.Responses = ValidationMode.Throw);

        var error = await Assert.ThrowsAsync<ApiValidationException>(() => client.Contacts.GetByIdAsync("c1"));

        Assert.Equal("response", error.Direction);
    }

    [Fact]
    public async Task Correctors_normalise_the_request_body_before_it_is_validated_and_sent()
    {
        var options = new ApiClientOptions();
        options.Validation.Requests = ValidationMode.Throw;
        options.Validation.AddCorrector<ContactInput>((input, context) =>
        {
            if (input.Email is { } email && email != email.Trim().ToLowerInvariant())
            {
                input.Email = email.Trim().ToLowerInvariant();
                context.Corrected("email", "lowercase-email", email, input.Email);
            }
        });
        var request = new ApiRequest(HttpMethod.Post, "/contacts");
        request.SetJsonBody(new ContactInput { Email = " Ada@Example.COM " }, ModelCodec<ContactInput>.Instance);

        var received = await echo.SendAsync(request, options);

        Assert.Equal("""{"email":"ada@example.com"}""", received.GetProperty("body").GetString());
    }

    private static AcmeCrmClient Client(Uri baseAddress, Action<AcmeCrmClientOptions> configure)
    {
        var options = new AcmeCrmClientOptions();
        options.Retry.MaxRetries = 0;
        configure(options);
        return new AcmeCrmClient(new HttpClient { BaseAddress = baseAddress }, options);
    }
}
