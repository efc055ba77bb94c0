using System;
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

    /// <summary>Whether a token the API rejected with 401 can be replaced by a new one.</summary>
    internal virtual bool CanRefresh => false;

    internal virtual ValueTask<string> GetTokenAsync(CancellationToken cancellationToken) => _provider!(cancellationToken);

    /// <summary>Forgets <paramref name="token"/> after the API rejected it, so the next request gets a new one.</summary>
    internal virtual void Reject(string token)
    {
    }
}
