using System.Globalization;
using System.Security.Cryptography;
using CrmSdkGen.Webhooks.Verification;

namespace CrmSdkGen.Runtime.Tests.Webhooks;

/// <summary>GitHub's and Intercom's hub signatures and Standard Webhooks, computed by openssl.</summary>
public sealed class HubSignatureAndStandardWebhooksTests
{
    private const string Body = """{"action":"opened","number":7}""";
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("github", "X-Hub-Signature-256", "sha256=", "sha256")]
    [InlineData("intercom", "X-Hub-Signature", "sha1=", "sha1")]
    public void Hub_signatures_are_verified_over_the_raw_body(string sender, string header, string prefix, string digest)
    {
        HubSignatureVerifier Verifier(params string[] secrets) =>
            sender == "github" ? HubSignatureVerifier.GitHub(new WebhookSecrets(secrets[0], secrets.ElementAtOrDefault(1))) : HubSignatureVerifier.Intercom(new WebhookSecrets(secrets[0], secrets.ElementAtOrDefault(1)));
        SignedDelivery Signed(string secret, string? body = null)
        {
            var delivery = new SignedDelivery(body ?? Body);
            delivery.Headers[header] = prefix + Convert.ToHexString(OpenSsl.Hmac(digest, SignedDelivery.Utf8(secret), SignedDelivery.Utf8(Body))).ToLowerInvariant();
            return delivery;
        }

        Assert.Equal(sender, Verifier("s").Name);
        Assert.Equal(WebhookVerificationStatus.Verified, Verifier("s3cret").Verify(Signed("s3cret").Request()).Status);
        Assert.Equal(WebhookVerificationStatus.Verified, Verifier("next", "s3cret").Verify(Signed("s3cret").Request()).Status);
        Assert.Equal(WebhookVerificationStatus.BadSignature, Verifier("next").Verify(Signed("s3cret").Request()).Status);
        Assert.Equal(WebhookVerificationStatus.BadSignature, Verifier("s3cret").Verify(Signed("s3cret", Body + " ").Request()).Status);
        Assert.Equal(WebhookVerificationStatus.MissingSignature, Verifier("s3cret").Verify(new SignedDelivery(Body).Request()).Status);
        var malformed = Signed("s3cret");
        malformed.Headers[header] = "md5=abc";
        Assert.Equal(WebhookVerificationStatus.Malformed, Verifier("s3cret").Verify(malformed.Request()).Status);
    }

    [Fact]
    public void Standard_webhooks_are_verified_over_id_timestamp_and_body_with_any_listed_signature()
    {
        var key = RandomNumberGenerator.GetBytes(24);
        var secret = "whsec_" + Convert.ToBase64String(key);
        var verifier = new StandardWebhooksVerifier(new WebhookSecrets(secret), new ManualTime(Now));

        Assert.Equal(WebhookVerificationStatus.Verified, verifier.Verify(Signed(key, "msg_1", Now).Request()).Status);
        Assert.Equal(WebhookVerificationStatus.Verified, verifier.Verify(Signed(key, "msg_1", Now, extra: "v1," + Convert.ToBase64String(new byte[32])).Request()).Status);
        Assert.Equal(WebhookVerificationStatus.BadSignature, verifier.Verify(Signed(RandomNumberGenerator.GetBytes(24), "msg_1", Now).Request()).Status);
        var otherId = Signed(key, "msg_1", Now);
        otherId.Headers["webhook-id"] = "msg_2";
        Assert.Equal(WebhookVerificationStatus.BadSignature, verifier.Verify(otherId.Request()).Status);
        Assert.Equal(WebhookVerificationStatus.Expired, verifier.Verify(Signed(key, "msg_1", Now.AddMinutes(-6)).Request()).Status);
        var unreadable = Signed(key, "msg_1", Now);
        unreadable.Headers["webhook-signature"] = "v2,abc";
        Assert.Equal(WebhookVerificationStatus.Malformed, verifier.Verify(unreadable.Request()).Status);
        var missing = Signed(key, "msg_1", Now);
        missing.Headers.Remove("webhook-id");
        Assert.Equal(WebhookVerificationStatus.MissingSignature, verifier.Verify(missing.Request()).Status);
        Assert.Throws<ArgumentException>(() => new StandardWebhooksVerifier(new WebhookSecrets("whsec_not base64!")));
    }

    [Fact]
    public void A_rotated_standard_webhooks_secret_keeps_verifying_until_it_is_removed()
    {
        var (old, next) = (RandomNumberGenerator.GetBytes(24), RandomNumberGenerator.GetBytes(24));
        var rotating = new StandardWebhooksVerifier(new WebhookSecrets("whsec_" + Convert.ToBase64String(next), "whsec_" + Convert.ToBase64String(old)), new ManualTime(Now));

        Assert.True(rotating.Verify(Signed(old, "msg_1", Now).Request()).IsVerified);
        Assert.True(rotating.Verify(Signed(next, "msg_1", Now).Request()).IsVerified);
    }

    private static SignedDelivery Signed(byte[] key, string id, DateTimeOffset at, string? extra = null)
    {
        var delivery = new SignedDelivery(Body);
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = "v1," + Convert.ToBase64String(OpenSsl.Hmac("sha256", key, SignedDelivery.Utf8($"{id}.{timestamp}.{Body}")));
        delivery.Headers["webhook-id"] = id;
        delivery.Headers["webhook-timestamp"] = timestamp;
        delivery.Headers["webhook-signature"] = extra is null ? signature : extra + " " + signature;
        return delivery;
    }
}
