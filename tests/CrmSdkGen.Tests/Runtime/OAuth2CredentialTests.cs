using CrmSdkGen.Runtime.Auth;
using CrmSdkGen.Runtime.Auth.OAuth2;
using CrmSdkGen.Runtime.Http;
using Microsoft.Extensions.Time.Testing;

namespace CrmSdkGen.Tests.Runtime;

/// <summary>The OAuth2 grants against a token endpoint on 127.0.0.1: the form they send, when they renew, how they fail.</summary>
public sealed class OAuth2CredentialTests : IAsyncLifetime
{
    private static readonly SecurityScheme Bearer = new("oauth2", SecuritySchemeKind.Bearer);
    private TokenEndpoint _endpoint = null!;

    public async Task InitializeAsync() => _endpoint = await TokenEndpoint.StartAsync();

    public async Task DisposeAsync() => await _endpoint.DisposeAsync();

    [Fact]
    public async Task The_client_credentials_grant_sends_its_form_through_the_given_client_and_asks_for_JSON()
    {
        using var client = TokenClient();
        var credential = new OAuth2ClientCredential(_endpoint.Address, "id-1", "secret-1", ["crm.read", "crm.write"], client);

        Assert.Equal("Bearer token-1", await Authorization(credential));

        var (form, accept, from) = Assert.Single(_endpoint.Grants);
        Assert.Equal(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["scope"] = "crm.read crm.write", ["client_id"] = "id-1", ["client_secret"] = "secret-1" }, form);
        Assert.Equal("application/json", accept);
        Assert.Equal("tests", from);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task No_scopes_send_no_scope_field(bool emptyList)
    {
        using var client = TokenClient();
        await Authorization(new OAuth2ClientCredential(_endpoint.Address, "id-1", "secret-1", emptyList ? Array.Empty<string>() : null, client));

        Assert.False(Assert.Single(_endpoint.Grants).Form.ContainsKey("scope"));
    }

    [Fact]
    public async Task A_public_client_sends_no_secret_with_its_refresh_token()
    {
        using var client = TokenClient();
        await Authorization(new OAuth2RefreshCredential(_endpoint.Address, "app", null, "rt-1", client));

        Assert.Equal(new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = "rt-1", ["client_id"] = "app" }, Assert.Single(_endpoint.Grants).Form);
    }

    [Fact]
    public async Task A_rotated_refresh_token_is_announced_once_and_sent_with_the_next_grant()
    {
        // Each answer carries rt-2: announced when it replaces rt-1, not again when it comes back unchanged.
        _endpoint.Answer = count => (200, $$"""{"access_token":"token-{{count}}","expires_in":1,"refresh_token":"rt-2"}""");
        using var client = TokenClient();
        var credential = new OAuth2RefreshCredential(_endpoint.Address, "app", "secret", "rt-1", client) { RenewBefore = TimeSpan.FromSeconds(5) };
        var announced = new List<string>();
        credential.RefreshTokenChanged += announced.Add;

        await Authorization(credential);
        await Authorization(credential);

        Assert.Equal(new[] { "rt-1", "rt-2" }, _endpoint.Grants.Select(grant => grant.Form["refresh_token"]));
        Assert.Equal(new[] { "rt-2" }, announced);
    }

    [Fact]
    public async Task A_token_is_renewed_exactly_when_its_lifetime_less_RenewBefore_has_passed()
    {
        _endpoint.Answer = count => (200, $$"""{"access_token":"token-{{count}}","expires_in":120}""");
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        using var client = TokenClient();
        var credential = new OAuth2ClientCredential(_endpoint.Address, "id", "secret", tokenClient: client, timeProvider: clock) { RenewBefore = TimeSpan.FromSeconds(60) };

        Assert.Equal("Bearer token-1", await Authorization(credential));
        clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal("Bearer token-1", await Authorization(credential));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("Bearer token-2", await Authorization(credential));
        Assert.Equal(2, credential.TokensIssued);
    }

    [Fact]
    public async Task Renew_forgets_only_the_token_the_rejected_request_carried()
    {
        using var client = TokenClient();
        var credential = new OAuth2ClientCredential(_endpoint.Address, "id", "secret", tokenClient: client);
        await Authorization(credential);

        using var stale = Carrying("an-older-token");
        Assert.True(credential.Renew(stale));
        Assert.Equal("Bearer token-1", await Authorization(credential));

        using var current = Carrying("token-1");
        Assert.True(credential.Renew(current));
        Assert.Equal("Bearer token-2", await Authorization(credential));

        using var unsigned = new HttpRequestMessage(HttpMethod.Get, "contacts");
        Assert.False(credential.Renew(unsigned));
        using var basic = new HttpRequestMessage(HttpMethod.Get, "contacts");
        basic.Headers.Authorization = new("Basic", "dTpw");
        Assert.False(credential.Renew(basic));
        Assert.Throws<ArgumentNullException>(() => credential.Renew(null!));
        Assert.Equal(2, credential.TokensIssued);
    }

    [Fact]
    public async Task A_refused_grant_fails_with_the_status_and_the_endpoint_s_error()
    {
        _endpoint.Answer = _ => (400, """{"error":"invalid_client"}""");
        using var client = TokenClient();

        var error = await Assert.ThrowsAsync<ApiException>(() => Authorization(new OAuth2ClientCredential(_endpoint.Address, "id", "secret", tokenClient: client)));

        Assert.Equal(400, error.StatusCode);
        Assert.Contains("The token endpoint refused the grant.", error.Message, StringComparison.Ordinal);
        Assert.Contains("invalid_client", error.RawBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"token_type":"bearer"}""")]
    [InlineData("""{"access_token":null}""")]
    [InlineData("not json")]
    public async Task An_answer_without_an_access_token_fails_without_quoting_the_body(string body)
    {
        _endpoint.Answer = _ => (200, body);
        using var client = TokenClient();

        var error = await Assert.ThrowsAsync<ApiException>(() => Authorization(new OAuth2ClientCredential(_endpoint.Address, "id", "secret", tokenClient: client)));

        Assert.Contains("The token endpoint's answer has no access_token.", error.Message, StringComparison.Ordinal);
        Assert.Equal(string.Empty, error.RawBody);
    }

    private static HttpClient TokenClient()
    {
        var client = new HttpClient();
        client.DefaultRequestHeaders.Add("X-Token-Client", "tests");
        return client;
    }

    private static async Task<string> Authorization(BearerTokenCredential credential)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "contacts");
        await credential.ApplyAsync(request, Bearer, CancellationToken.None);
        return request.Headers.Authorization!.ToString();
    }

    private static HttpRequestMessage Carrying(string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "contacts");
        request.Headers.Authorization = new("Bearer", token);
        return request;
    }
}
