using CrmSdkGen.Runtime;
using CrmSdkGen.Runtime.Auth;
using CrmSdkGen.Runtime.Http;

namespace CrmSdkGen.Tests.Runtime;

/// <summary>How each credential writes itself into a request, what it refuses, and which credentials an operation's security picks.</summary>
public sealed class CredentialApplicationTests
{
    private static readonly SecurityScheme Header = new("apiKey", SecuritySchemeKind.ApiKeyHeader, "X-Api-Key");
    private static readonly SecurityScheme Query = new("queryKey", SecuritySchemeKind.ApiKeyQuery, "hapikey");
    private static readonly SecurityScheme Cookie = new("cookieKey", SecuritySchemeKind.ApiKeyCookie, "session");
    private static readonly SecurityScheme Bearer = new("bearer", SecuritySchemeKind.Bearer);
    private static readonly SecurityScheme Basic = new("basic", SecuritySchemeKind.Basic);

    [Fact]
    public async Task An_API_key_goes_in_its_header_query_or_cookie_beside_what_the_request_already_has()
    {
        var key = new ApiKeyCredential("k 1");
        using var request = new HttpRequestMessage(HttpMethod.Get, "contacts?limit=1");
        request.Headers.TryAddWithoutValidation("Cookie", "theme=dark");

        await key.ApplyAsync(request, Header, CancellationToken.None);
        await key.ApplyAsync(request, Query, CancellationToken.None);
        await key.ApplyAsync(request, Cookie, CancellationToken.None);

        Assert.Equal("k 1", Assert.Single(request.Headers.GetValues("X-Api-Key")));
        Assert.Equal("contacts?limit=1&hapikey=k%201", request.RequestUri!.OriginalString);
        Assert.Equal("theme=dark; session=k%201", Assert.Single(request.Headers.GetValues("Cookie")));
        using var bare = new HttpRequestMessage(HttpMethod.Get, "contacts");
        await key.ApplyAsync(bare, Query, CancellationToken.None);
        await key.ApplyAsync(bare, Cookie, CancellationToken.None);
        Assert.Equal("contacts?hapikey=k%201", bare.RequestUri!.OriginalString);
        Assert.Equal("session=k%201", Assert.Single(bare.Headers.GetValues("Cookie")));
        using var addressless = new HttpRequestMessage();
        await key.ApplyAsync(addressless, Query, CancellationToken.None);
        Assert.Equal("?hapikey=k%201", addressless.RequestUri!.OriginalString);
    }

    [Fact]
    public async Task Credentials_refuse_missing_arguments_and_schemes_of_another_kind()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "contacts");
        Assert.Throws<ArgumentNullException>(() => new BasicCredential(null!, "p"));
        Assert.Throws<ArgumentNullException>(() => new BasicCredential("u", null!));
        Assert.Throws<ArgumentNullException>(() => new BearerTokenCredential((string)null!));
        Assert.Throws<ArgumentNullException>(() => new ApiKeyCredential(null!));
        foreach (ApiCredential credential in new ApiCredential[] { new ApiKeyCredential("k"), new BasicCredential("u", "p"), new BearerTokenCredential("t") })
        {
            await Assert.ThrowsAsync<ArgumentNullException>(async () => await credential.ApplyAsync(null!, Header, CancellationToken.None));
        }

        await Assert.ThrowsAsync<ArgumentNullException>(async () => await new ApiKeyCredential("k").ApplyAsync(request, null!, CancellationToken.None));
        var unnamed = await Assert.ThrowsAsync<InvalidOperationException>(async () => await new ApiKeyCredential("k").ApplyAsync(request, new SecurityScheme("x", SecuritySchemeKind.ApiKeyHeader), CancellationToken.None));
        Assert.Equal("The API key scheme 'x' names no parameter.", unnamed.Message);
        Assert.True(new SigningCredential().CanApplyTo(Basic));
        Assert.Equal(
            new[] { true, true, true, false, false },
            new[] { Header, Query, Cookie, Bearer, Basic }.Select(new ApiKeyCredential("k").CanApplyTo));
        Assert.True(new BasicCredential("u", "p").CanApplyTo(Basic));
        Assert.False(new BasicCredential("u", "p").CanApplyTo(Bearer));
        Assert.True(new BearerTokenCredential("t").CanApplyTo(Bearer));
        Assert.False(new BearerTokenCredential("t").CanApplyTo(Header));
    }

    [Fact]
    public async Task Basic_and_bearer_credentials_write_the_Authorization_header()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "contacts");
        await new BasicCredential("ada", "pa:ss").ApplyAsync(request, Basic, CancellationToken.None);
        Assert.Equal("Basic YWRhOnBhOnNz", request.Headers.Authorization!.ToString());

        await new BearerTokenCredential(_ => new ValueTask<string>("from-provider")).ApplyAsync(request, Bearer, CancellationToken.None);
        Assert.Equal("Bearer from-provider", request.Headers.Authorization!.ToString());
    }

    [Fact]
    public void An_operation_without_security_takes_no_credential_even_when_some_are_configured()
    {
        var options = Options(("apiKey", new ApiKeyCredential("k")));

        Assert.Empty(CredentialSelector.Select(options, new ApiRequest(HttpMethod.Get, "/contacts")));
    }

    [Fact]
    public void The_first_alternative_satisfied_in_full_is_chosen_without_parts_of_earlier_ones()
    {
        var options = Options(("apiKey", new ApiKeyCredential("k")), ("bearer", new BearerTokenCredential("t")));
        var request = new ApiRequest(HttpMethod.Get, "/contacts", [[Header, Basic], [Bearer], [Header]]);

        var selected = CredentialSelector.Select(options, request);

        Assert.Equal(new[] { "bearer" }, selected.Select(pair => pair.Scheme.Key));
    }

    [Fact]
    public void Credentials_for_none_of_the_accepted_schemes_fail_naming_what_the_operation_accepts()
    {
        var options = Options(("other", new BearerTokenCredential("t")));
        var request = new ApiRequest(HttpMethod.Post, "/contacts", [[Header], [Query, Cookie], [Bearer], [Basic]]);

        var error = Assert.Throws<InvalidOperationException>(() => CredentialSelector.Select(options, request));

        Assert.Equal(
            "POST /contacts accepts 'apiKey' (an API key in the X-Api-Key header) or 'queryKey' (an API key in the hapikey query parameter) with 'cookieKey' (an API key in the session cookie) or 'bearer' (a bearer token) or 'basic' (a user name and password), but the client's credentials are for 'other'. "
            + "Set the credential property of a scheme the operation accepts (a token the CRM issues for another scheme, such as a HubSpot private-app token, is a bearer token for its 'oauth2' scheme).",
            error.Message);
    }

    [Fact]
    public void With_no_credential_configured_the_request_goes_out_as_it_is()
    {
        Assert.Empty(CredentialSelector.Select(new ApiClientOptions(), new ApiRequest(HttpMethod.Get, "/contacts", [[Header]])));
    }

    private sealed class SigningCredential : ApiCredential
    {
        public override ValueTask ApplyAsync(HttpRequestMessage request, SecurityScheme scheme, CancellationToken cancellationToken) => default;
    }

    private static ApiClientOptions Options(params (string Key, ApiCredential Credential)[] credentials)
    {
        var options = new ApiClientOptions();
        foreach (var (key, credential) in credentials)
        {
            options.SetCredential(key, credential);
        }

        return options;
    }
}
