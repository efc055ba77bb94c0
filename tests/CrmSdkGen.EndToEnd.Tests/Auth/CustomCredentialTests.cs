using System.Text;
using Acme.Crm;
using Acme.Crm.Models;
using CrmSdkGen.Runtime.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Quickstart;

namespace CrmSdkGen.EndToEnd.Tests.Auth;

/// <summary>
/// Credentials of the user's own, from public API only, on a generated client against a server on 127.0.0.1 that checks
/// them: an HMAC-signed scheme (every attempt signed again, the body included) and a bearer scheme renewed on 401.
/// </summary>
public sealed class CustomCredentialTests : IAsyncLifetime
{
    private static readonly byte[] Secret = Encoding.UTF8.GetBytes("hmac-secret-7");
    private readonly List<string> _verdicts = new();
    private WebApplication? _app;
    private Uri _address = null!;
    private int _failuresLeft;

    public async Task InitializeAsync()
    {
        (_app, _address) = await LoopbackHost.StartAsync(app => app.Map("/{**path}", HandleAsync));
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_signing_credential_of_the_user_s_own_signs_every_attempt_including_the_body_of_a_retried_create()
    {
        // With an idempotency key, a POST the server answered 503 is sent again.
        var options = new AcmeCrmClientOptions { AddIdempotencyKeys = true };
        var credential = new HmacSigningCredential("key-1", Secret, TimeProvider.System);
        options.SetCredential("apiKey", credential);
        var client = new AcmeCrmClient(new HttpClient { BaseAddress = _address }, options);
        _failuresLeft = 1;

        var created = await client.Contacts.CreateContactAsync(new ContactInput { Email = "ada@example.com" });
        var read = await client.Contacts.GetByIdAsync("7");

        Assert.Equal("ada@example.com", created.Email);
        Assert.Equal("7", read.Id);
        Assert.Equal(new[] { "signed POST", "signed POST", "signed GET" }, _verdicts);
        Assert.Equal(3, credential.Signed);
    }

    [Fact]
    public async Task A_wrong_signature_is_the_API_s_401_with_its_body()
    {
        var options = new AcmeCrmClientOptions();
        options.SetCredential("apiKey", new HmacSigningCredential("key-1", Encoding.UTF8.GetBytes("another secret"), TimeProvider.System));
        var client = new AcmeCrmClient(new HttpClient { BaseAddress = _address }, options);

        var error = await Assert.ThrowsAnyAsync<ApiException>(() => client.Contacts.GetByIdAsync("7"));

        Assert.Equal(401, error.StatusCode);
        Assert.Contains("bad signature", error.RawBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_renewable_credential_of_the_user_s_own_is_renewed_once_on_401_and_the_request_sent_again()
    {
        var credential = new RenewingTokenCredential(generation => "token-" + generation);
        var options = new AcmeCrmClientOptions();
        options.SetCredential("bearer", credential);
        var client = new AcmeCrmClient(new HttpClient { BaseAddress = _address }, options);

        var read = await client.Contacts.GetByIdAsync("7");

        Assert.Equal("7", read.Id);
        Assert.Equal(new[] { "token-0" }, credential.Rejected);
        Assert.Equal(new[] { "bearer token-0 refused", "bearer token-1" }, _verdicts);
    }

    [Fact]
    public async Task A_credential_that_fits_no_scheme_of_the_operation_is_refused_before_anything_is_sent()
    {
        var options = new AcmeCrmClientOptions();
        options.SetCredential("apiKey", new RenewingTokenCredential(_ => "token"));
        var client = new AcmeCrmClient(new HttpClient { BaseAddress = _address }, options);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.Contacts.GetByIdAsync("7"));

        Assert.Contains("'apiKey'", error.Message, StringComparison.Ordinal);
        Assert.Empty(_verdicts);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var bearer = request.Headers.Authorization.ToString();
        if (bearer.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            var token = bearer["Bearer ".Length..];
            if (token == "token-0")
            {
                _verdicts.Add("bearer token-0 refused");
                await Fail(context, 401, "expired token");
                return;
            }

            _verdicts.Add("bearer " + token);
        }
        else
        {
            var expected = HmacSigningCredential.Sign(Secret, request.Method, request.Path + request.QueryString, request.Headers["X-Timestamp"].ToString(), body);
            if (request.Headers["X-Api-Key"] != "key-1" || request.Headers["X-Signature"] != expected)
            {
                await Fail(context, 401, "bad signature");
                return;
            }

            _verdicts.Add("signed " + request.Method);
            if (request.Method == "POST" && _failuresLeft-- > 0)
            {
                await Fail(context, 503, "try again");
                return;
            }
        }

        var email = request.Method == "POST" ? System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("email").GetString() : "grace@example.com";
        context.Response.StatusCode = request.Method == "POST" ? 201 : 200;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync($$"""{"id":"7","email":"{{email}}","createdAt":"2026-01-01T00:00:00Z","updatedAt":"2026-01-01T00:00:00Z","archived":false}""");
    }

    private static async Task Fail(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync($$"""{"message":"{{message}}","category":"AUTH"}""");
    }
}
