using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace CrmSdkGen.Runtime.Auth;

/// <summary>A bearer token, fixed or obtained per request from an asynchronous provider.</summary>
public class BearerTokenCredential : ApiCredential
{
    private readonly Func<CancellationToken, ValueTask<string>>? _provider;

    /// <summary>Creates a credential with a fixed token.</summary>
    public BearerTokenCredential(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        _provider = _ => new ValueTask<string>(token);
    }

    /// <summary>Creates a credential that asks <paramref name="provider"/> for the token before each request.</summary>
    public BearerTokenCredential(Func<CancellationToken, ValueTask<string>> provider) =>
        _provider = provider ?? throw new ArgumentNullException(nameof(provider));

    private protected BearerTokenCredential()
    {
    }

    /// <inheritdoc />
    public override bool CanApplyTo(SecurityScheme scheme) => scheme.Kind == SecuritySchemeKind.Bearer;

    /// <inheritdoc />
    public override async ValueTask ApplyAsync(HttpRequestMessage request, SecurityScheme scheme, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var token = await GetTokenAsync(cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    internal virtual ValueTask<string> GetTokenAsync(CancellationToken cancellationToken) => _provider!(cancellationToken);
}
