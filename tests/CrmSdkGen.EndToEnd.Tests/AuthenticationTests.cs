using System.Text.Json;
using CrmSdkGen.Runtime;
using CrmSdkGen.Runtime.Auth;
using CrmSdkGen.Runtime.Http;
using CrmSdkGen.Runtime.Json;

namespace CrmSdkGen.EndToEnd.Tests;

/// <summary>Credentials land where the spec's security schemes say, on a real request to 127.0.0.1.</summary>
public sealed class AuthenticationTests(EchoServer server) : IClassFixture<EchoServer>
{
    private static readonly SecurityScheme HeaderKey = new("private_app", SecuritySchemeKind.ApiKeyHeader, "X-Private-App");
    private static readonly SecurityScheme QueryKey = new("hapikey", SecuritySchemeKind.ApiKeyQuery, "hapikey");
    private static readonly SecurityScheme CookieKey = new("session", SecuritySchemeKind.ApiKeyCookie, "sid");
    private static readonly SecurityScheme Bearer = new("oauth2", SecuritySchemeKind.Bearer);
    private static readonly SecurityScheme Basic = new("login", SecuritySchemeKind.Basic);

    [Fact]
    public async Task Api_keys_go_in_the_header_query_or_cookie_the_scheme_names()
    {
        var options = new ApiClientOptions();
        options.SetCredential("private_app", new ApiKeyCredential("pat-1"));
        options.SetCredential("hapikey", new ApiKeyCredential("key/2"));
        options.SetCredential("session", new ApiKeyCredential("s3"));

        var echo = await SendAsync(options, [[HeaderKey, QueryKey, CookieKey]]);

        Assert.Equal("pat-1", Header(echo, "x-private-app"));
        Assert.Equal("?hapikey=key%2F2", echo.GetProperty("query").GetString());
        Assert.Equal("sid=s3", Header(echo, "cookie"));
    }

    [Fact]
    public async Task Bearer_tokens_come_from_the_provider_on_every_request()
    {
        var calls = 0;
        var options = new ApiClientOptions();
        options.SetCredential("oauth2", new BearerTokenCredential(_ => ValueTask.FromResult($"token-{++calls}")));

        var first = await SendAsync(options, [[Bearer]]);
        var second = await SendAsync(options, [[Bearer]]);

        Assert.Equal("Bearer token-1", Header(first, "authorization"));
        Assert.Equal("Bearer token-2", Header(second, "authorization"));
    }

    [Fact]
    public async Task Basic_credentials_are_base64_of_user_and_password()
    {
        var options = new ApiClientOptions();
        options.SetCredential("login", new BasicCredential("ada", "p@ss:word"));

        var echo = await SendAsync(options, [[Basic]]);

        Assert.Equal("Basic " + Convert.ToBase64String("ada:p@ss:word"u8.ToArray()), Header(echo, "authorization"));
    }

    [Fact]
    public async Task The_first_alternative_whose_credentials_are_all_configured_is_used()
    {
        var options = new ApiClientOptions();
        options.SetCredential("login", new BasicCredential("ada", "secret"));

        var echo = await SendAsync(options, [[HeaderKey], [Basic]]);

        Assert.StartsWith("Basic ", Header(echo, "authorization"));
        Assert.Null(Header(echo, "x-private-app"));
    }

    [Fact]
    public async Task Without_any_configured_credential_the_request_is_sent_without_auth()
    {
        var echo = await SendAsync(new ApiClientOptions(), [[HeaderKey], [Bearer]]);

        Assert.Null(Header(echo, "authorization"));
        Assert.Null(Header(echo, "x-private-app"));
    }

    [Fact]
    public async Task Options_base_address_is_used_when_the_HttpClient_has_none_and_keeps_its_path()
    {
        using var http = new HttpClient();
        var options = new ApiClientOptions { BaseAddress = new Uri(server.BaseAddress, "/crm/v3") };
        var core = new ApiClientCore(http, options, "https://api.example.invalid/ignored");

        var echo = await core.SendForJsonAsync(new ApiRequest(HttpMethod.Get, "/contacts"), JsonCodecs.Element, ApiErrorMap.None, allowEmpty: false, CancellationToken.None);

        Assert.Equal("/crm/v3/contacts", echo.GetProperty("path").GetString());
    }

    [Fact]
    public async Task A_relative_spec_server_without_any_base_address_is_a_clear_error()
    {
        using var http = new HttpClient();
        var core = new ApiClientCore(http, new ApiClientOptions(), "/api/v3");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => core.SendAsync(new ApiRequest(HttpMethod.Get, "/pets"), ApiErrorMap.None, CancellationToken.None));

        Assert.Contains("'/api/v3' is not an absolute URL", error.Message);
    }

    private Task<JsonElement> SendAsync(ApiClientOptions options, SecurityScheme[][] security) =>
        server.SendAsync(new ApiRequest(HttpMethod.Get, "/echo", security), options);

    private static string? Header(JsonElement echo, string name) =>
        echo.GetProperty("headers").TryGetProperty(name, out var value) ? value.GetString() : null;
}
