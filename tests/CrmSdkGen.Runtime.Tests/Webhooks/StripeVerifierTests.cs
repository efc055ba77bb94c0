using System.Globalization;
using CrmSdkGen.Webhooks.Verification;

namespace CrmSdkGen.Runtime.Tests.Webhooks;

/// <summary>Stripe-Signature headers, computed by openssl as Stripe documents them.</summary>
public sealed class StripeVerifierTests
{
    private const string Secret = "whsec_stripe_test_1";
    private const string Body = """{"id":"evt_1","type":"customer.updated","data":{"object":{"id":"cus_1"}}}""";
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_signed_delivery_is_verified_and_a_forged_or_tampered_one_refused()
    {
        var verifier = Verifier();
        var tampered = Delivery(Now, Secret);
        tampered.Body = SignedDelivery.Utf8(Body.Replace("cus_1", "cus_2", StringComparison.Ordinal));

        Assert.Equal(WebhookVerification.Verified, verifier.Verify(Delivery(Now, Secret).Request()));
        Assert.Equal(WebhookVerificationStatus.BadSignature, verifier.Verify(Delivery(Now, "whsec_other").Request()).Status);
        Assert.Equal(WebhookVerificationStatus.BadSignature, verifier.Verify(tampered.Request()).Status);
    }

    [Fact]
    public void While_a_secret_is_rolled_Stripe_sends_a_signature_per_secret_and_either_secret_verifies()
    {
        var both = Delivery(Now, Secret, "whsec_new");

        Assert.True(Verifier().Verify(both.Request()).IsVerified);
        Assert.True(new StripeVerifier(new WebhookSecrets("whsec_new"), timeProvider: new ManualTime(Now)).Verify(both.Request()).IsVerified);
        Assert.True(new StripeVerifier(new WebhookSecrets("whsec_new", Secret), timeProvider: new ManualTime(Now)).Verify(Delivery(Now, Secret).Request()).IsVerified);
    }

    [Theory]
    [InlineData(-301, WebhookVerificationStatus.Expired)]
    [InlineData(-300, WebhookVerificationStatus.Verified)]
    [InlineData(400, WebhookVerificationStatus.Expired)]
    public void The_tolerance_is_5_minutes(int seconds, WebhookVerificationStatus expected) =>
        Assert.Equal(expected, Verifier().Verify(Delivery(Now.AddSeconds(seconds), Secret).Request()).Status);

    [Theory]
    [InlineData(null, WebhookVerificationStatus.MissingSignature)]
    [InlineData("v1=abcd", WebhookVerificationStatus.Malformed)]
    [InlineData("t=1764669600", WebhookVerificationStatus.Malformed)]
    [InlineData("t=soon,v1=abcd", WebhookVerificationStatus.Malformed)]
    [InlineData("garbage", WebhookVerificationStatus.Malformed)]
    public void Missing_and_unreadable_headers_are_refused(string? header, WebhookVerificationStatus expected)
    {
        var delivery = new SignedDelivery(Body);
        if (header is not null)
        {
            delivery.Headers["Stripe-Signature"] = header;
        }

        Assert.Equal(expected, Verifier().Verify(delivery.Request()).Status);
    }

    private static StripeVerifier Verifier() => new(new WebhookSecrets(Secret), timeProvider: new ManualTime(Now));

    private static SignedDelivery Delivery(DateTimeOffset at, params string[] secrets)
    {
        var delivery = new SignedDelivery(Body);
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signatures = secrets.Select(secret => "v1=" + Convert.ToHexString(OpenSsl.Hmac("sha256", SignedDelivery.Utf8(secret), SignedDelivery.Utf8(timestamp + "." + Body))).ToLowerInvariant());
        delivery.Headers["Stripe-Signature"] = $"t={timestamp}," + string.Join(",", signatures) + ",v0=6ffbb59b2300aae63f272406069a9788598b792a944a07aba816edb039989a39";
        return delivery;
    }
}
