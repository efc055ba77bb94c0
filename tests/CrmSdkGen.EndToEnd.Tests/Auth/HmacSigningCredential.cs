using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CrmSdkGen.Runtime.Auth;

namespace CrmSdkGen.EndToEnd.Tests.Auth;

/// <summary>
/// A scheme the runtime does not ship, written as a user would with public API only: each attempt carries its key id,
/// a timestamp and a base64 HMAC-SHA256 of method, path and query, timestamp and body.
/// </summary>
public sealed class HmacSigningCredential(string keyId, byte[] secret, TimeProvider time) : ApiCredential
{
    public int Signed { get; private set; }

    public override bool CanApplyTo(SecurityScheme scheme) => scheme.Kind == SecuritySchemeKind.ApiKeyHeader;

    public override async ValueTask ApplyAsync(HttpRequestMessage request, SecurityScheme scheme, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        request.Headers.TryAddWithoutValidation(scheme.ParameterName!, keyId);
        request.Headers.TryAddWithoutValidation("X-Timestamp", timestamp);
        request.Headers.TryAddWithoutValidation("X-Signature", Sign(secret, request.Method.Method, request.RequestUri!.PathAndQuery, timestamp, body));
        Signed++;
    }

    public static string Sign(byte[] secret, string method, string pathAndQuery, string timestamp, byte[] body)
    {
        var head = Encoding.UTF8.GetBytes(method + "\n" + pathAndQuery + "\n" + timestamp + "\n");
        return Convert.ToBase64String(HMACSHA256.HashData(secret, head.Concat(body).ToArray()));
    }
}
