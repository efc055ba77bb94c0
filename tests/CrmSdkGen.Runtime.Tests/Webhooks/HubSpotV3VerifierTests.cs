using System.Globalization;
using CrmSdkGen.Webhooks.Verification;

namespace CrmSdkGen.Runtime.Tests.Webhooks;

/// <summary>HubSpot v3 signatures, computed by openssl as HubSpot documents them, through the verifier's every outcome.</summary>
public sealed class HubSpotV3VerifierTests
{
    private const string Secret = "hubspot-client-secret-1";
    private const string Body = """[{"objectId":1246965,"subscriptionType":"contact.propertyChange","eventId":3816279340}]""";
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_delivery_signed_over_method_URI_body_and_timestamp_is_verified()
    {
        var delivery = Signed(Secret, Now);

        Assert.Equal(WebhookVerification.Verified, Verifier().Verify(delivery.Request()));
    }

    [Fact]
    public void The_URI_is_signed_with_the_characters_HubSpot_lists_decoded_and_others_left_escaped()
    {
        var uri = new Uri("https://crm-hooks.example.com/webhooks/hubspot?source=a%3Ab%2Fc%20d%40e");
        var delivery = Signed(Secret, Now, uri, signedUri: "https://crm-hooks.example.com/webhooks/hubspot?source=a:b/c%20d@e");

        Assert.Equal(WebhookVerificationStatus.Verified, Verifier().Verify(delivery.Request()).Status);
    }

    [Fact]
    public void A_forged_or_tampered_delivery_is_refused()
    {
        Assert.Equal(WebhookVerificationStatus.BadSignature, Verifier().Verify(Signed("someone-else", Now).Request()).Status);
        var tampered = Signed(Secret, Now);
        tampered.Body = SignedDelivery.Utf8(Body.Replace("1246965", "1246966", StringComparison.Ordinal));
        Assert.Equal(WebhookVerificationStatus.BadSignature, Verifier().Verify(tampered.Request()).Status);
        var retimed = Signed(Secret, Now);
        retimed.Headers["X-HubSpot-Request-Timestamp"] = Now.AddSeconds(1).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        Assert.Equal(WebhookVerificationStatus.BadSignature, Verifier().Verify(retimed.Request()).Status);
    }

    [Theory]
    [InlineData(-301, WebhookVerificationStatus.Expired)]
    [InlineData(-299, WebhookVerificationStatus.Verified)]
    [InlineData(301, WebhookVerificationStatus.Expired)]
    public void A_delivery_signed_more_than_5_minutes_from_now_is_expired(int seconds, WebhookVerificationStatus expected)
    {
        Assert.Equal(expected, Verifier().Verify(Signed(Secret, Now.AddSeconds(seconds)).Request()).Status);
    }

    [Fact]
    public void Missing_and_unreadable_headers_are_told_apart()
    {
        var noSignature = Signed(Secret, Now);
        noSignature.Headers.Remove("X-HubSpot-Signature-v3");
        var noTimestamp = Signed(Secret, Now);
        noTimestamp.Headers.Remove("X-HubSpot-Request-Timestamp");
        var badSignature = Signed(Secret, Now);
        badSignature.Headers["X-HubSpot-Signature-v3"] = "not base64!";

        Assert.Equal(WebhookVerificationStatus.MissingSignature, Verifier().Verify(noSignature.Request()).Status);
        Assert.Contains("X-HubSpot-Request-Timestamp", Verifier().Verify(noTimestamp.Request()).Reason, StringComparison.Ordinal);
        Assert.Equal(WebhookVerificationStatus.Malformed, Verifier().Verify(badSignature.Request()).Status);
    }

    [Fact]
    public void During_a_rotation_both_secrets_are_accepted_and_a_retired_one_is_not()
    {
        var rotating = new HubSpotV3Verifier(new WebhookSecrets("new-secret", Secret), new ManualTime(Now));
        var rotated = new HubSpotV3Verifier(new WebhookSecrets("new-secret"), new ManualTime(Now));

        Assert.True(rotating.Verify(Signed(Secret, Now).Request()).IsVerified);
        Assert.True(rotating.Verify(Signed("new-secret", Now).Request()).IsVerified);
        Assert.False(rotated.Verify(Signed(Secret, Now).Request()).IsVerified);
        Assert.DoesNotContain(Secret, new WebhookSecrets(Secret).ToString(), StringComparison.Ordinal);
    }

    private static HubSpotV3Verifier Verifier() => new(new WebhookSecrets(Secret), new ManualTime(Now));

    private static SignedDelivery Signed(string secret, DateTimeOffset at, Uri? uri = null, string? signedUri = null)
    {
        var delivery = new SignedDelivery(Body, uri);
        var timestamp = at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var signature = OpenSsl.Hmac("sha256", SignedDelivery.Utf8(secret), SignedDelivery.Utf8("POST" + (signedUri ?? delivery.Uri.AbsoluteUri) + Body + timestamp));
        delivery.Headers["X-HubSpot-Signature-v3"] = Convert.ToBase64String(signature);
        delivery.Headers["X-HubSpot-Request-Timestamp"] = timestamp;
        return delivery;
    }
}
