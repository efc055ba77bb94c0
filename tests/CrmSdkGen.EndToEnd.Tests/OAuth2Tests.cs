using Acme.Crm;
using CrmSdkGen.Runtime.Auth;
using CrmSdkGen.Runtime.Auth.OAuth2;

namespace CrmSdkGen.EndToEnd.Tests;

/// <summary>OAuth2 credentials against a real token endpoint on 127.0.0.1: rotation of refresh tokens, renewal before expiry.</summary>
public sealed class OAuth2Tests(FaultServer server) : IClassFixture<FaultServer>
{
    [Fact]
    public async Task A_rotated_refresh_token_is_kept_announced_and_used_for_the_next_renewal()
    {
        var announced = new List<string>();
        var credential = new OAuth2RefreshCredential(new Uri(server.BaseAddress, "token"), "rotating-client", "secret", "rt-0");
        credential.RefreshTokenChanged += announced.Add;
        var client = Client(server.Scenario("auth"), credential);

        await client.Contacts.GetByIdAsync("c1");

        Assert.Equal(new[] { "rt-0", "rotated-1" }, server.RefreshTokensReceived("rotating-client"));
        Assert.Equal(new[] { "rotated-1", "rotated-2" }, announced);
    }

    [Fact]
    public async Task A_token_is_reused_until_shortly_before_it_expires_then_renewed()
    {
        var clock = new ManualClock(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var credential = new OAuth2ClientCredential(new Uri(server.BaseAddress, "token"), "expiring-client", "secret", timeProvider: clock);
        var client = Client(server.Scenario("any"), credential);

        await client.Contacts.GetByIdAsync("c1");
        clock.Advance(TimeSpan.FromMinutes(58));
        await client.Contacts.GetByIdAsync("c1");
        Assert.Equal(1, credential.TokensIssued);

        clock.Advance(TimeSpan.FromSeconds(61));
        await client.Contacts.GetByIdAsync("c1");
        Assert.Equal(2, credential.TokensIssued);
    }

    [Fact]
    public void A_credential_prints_without_its_secrets()
    {
        var credential = new OAuth2RefreshCredential(new Uri("https://login.example/token"), "id", "client-secret-1", "refresh-secret-2");

        Assert.Equal("OAuth2RefreshCredential { *** }", credential.ToString());
    }

    private static AcmeCrmClient Client(Uri baseAddress, BearerTokenCredential credential) =>
        new(new HttpClient { BaseAddress = baseAddress }, new AcmeCrmClientOptions { Bearer = credential });

    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public void Advance(TimeSpan by) => _now += by;

        public override DateTimeOffset GetUtcNow() => _now;
    }
}
