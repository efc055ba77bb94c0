using CrmSdkGen.Runtime.Auth;

namespace CrmSdkGen.Tests.Runtime;

public sealed class CredentialTests
{
    [Fact]
    public void Credentials_never_show_their_secret()
    {
        ApiCredential[] credentials = [new ApiKeyCredential("key-123"), new BearerTokenCredential("token-456"), new BasicCredential("user", "pass-789")];

        foreach (var credential in credentials)
        {
            var text = credential.ToString();
            Assert.DoesNotContain("123", text);
            Assert.DoesNotContain("456", text);
            Assert.DoesNotContain("789", text);
            Assert.EndsWith("{ *** }", text);
        }
    }
}
