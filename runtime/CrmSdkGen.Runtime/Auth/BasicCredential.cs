using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace CrmSdkGen.Runtime.Auth;

/// <summary>A user name and password for HTTP basic authentication.</summary>
public sealed class BasicCredential : ApiCredential
{
    private readonly string _encodedValue;

    /// <summary>Creates the credential.</summary>
    public BasicCredential(string userName, string password)
    {
        ArgumentNullException.ThrowIfNull(userName);
        ArgumentNullException.ThrowIfNull(password);
        _encodedValue = Convert.ToBase64String(Encoding.UTF8.GetBytes(userName + ":" + password));
    }

    /// <inheritdoc />
    public override bool CanApplyTo(SecurityScheme scheme) => scheme.Kind == SecuritySchemeKind.Basic;

    /// <inheritdoc />
    public override ValueTask ApplyAsync(HttpRequestMessage request, SecurityScheme scheme, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", _encodedValue);
        return default;
    }
}
