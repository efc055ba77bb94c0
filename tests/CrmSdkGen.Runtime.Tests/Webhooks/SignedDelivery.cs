using System.Text;
using CrmSdkGen.Webhooks.Verification;

namespace CrmSdkGen.Runtime.Tests.Webhooks;

/// <summary>A delivery as a sender makes it: a body, headers, the URI it calls.</summary>
internal sealed class SignedDelivery(string body, Uri? uri = null, string method = "POST")
{
    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public byte[] Body { get; set; } = Encoding.UTF8.GetBytes(body);

    public Uri Uri { get; } = uri ?? new Uri("https://crm-hooks.example.com/webhooks/hubspot?portal=42");

    public string Method { get; } = method;

    public WebhookRequest Request() => new(Method, Uri, name => Headers.TryGetValue(name, out var value) ? value : null, Body);

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
