using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CrmSdkGen.Runtime.Http;

namespace CrmSdkGen.Runtime.Auth.OAuth2;

/// <summary>
/// A bearer token obtained from an OAuth2 token endpoint, cached and renewed shortly before it expires. However many
/// requests need a token at once, only one asks the endpoint. A token the API rejects with 401 is renewed once.
/// </summary>
public abstract class OAuth2Credential : BearerTokenCredential, IRenewableCredential
{
    private static readonly HttpClient SharedTokenClient = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly HttpClient _tokenClient;
    private readonly TimeProvider _time;
    private CachedToken? _current;

    private protected OAuth2Credential(Uri tokenEndpoint, string clientId, string? clientSecret, HttpClient? tokenClient, TimeProvider? timeProvider)
    {
        TokenEndpoint = tokenEndpoint ?? throw new ArgumentNullException(nameof(tokenEndpoint));
        ClientId = clientId ?? throw new ArgumentNullException(nameof(clientId));
        ClientSecret = clientSecret;
        _tokenClient = tokenClient ?? SharedTokenClient;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The token endpoint.</summary>
    public Uri TokenEndpoint { get; }

    /// <summary>How long before its expiry a token is renewed. Default one minute.</summary>
    public TimeSpan RenewBefore { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How many tokens were obtained from the endpoint so far.</summary>
    public int TokensIssued { get; private set; }

    private protected string ClientId { get; }

    private protected string? ClientSecret { get; }

    internal override async ValueTask<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (Fresh(Volatile.Read(ref _current)) is { } token)
        {
            return token;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Fresh(_current) is { } renewedMeanwhile)
            {
                return renewedMeanwhile;
            }

            var issued = await RequestTokenAsync(cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _current, issued);
            TokensIssued++;
            return issued.AccessToken;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forgets the access token <paramref name="rejected"/> carried, so the next attempt requests a new one.</summary>
    public bool Renew(HttpRequestMessage rejected)
    {
        ArgumentNullException.ThrowIfNull(rejected);
        if (rejected.Headers.Authorization is not { Scheme: "Bearer", Parameter: { } token })
        {
            return false;
        }

        var current = Volatile.Read(ref _current);
        if (current is not null && current.AccessToken == token)
        {
            Interlocked.CompareExchange(ref _current, null, current);
        }

        return true;
    }

    /// <summary>The grant's own form fields (grant_type and what it needs).</summary>
    private protected abstract void AddGrantFields(List<KeyValuePair<string, string>> fields);

    /// <summary>Called with every successful token response, for grants that receive a new refresh token.</summary>
    private protected virtual void OnTokenResponse(JsonElement response)
    {
    }

    private string? Fresh(CachedToken? token) =>
        token is not null && _time.GetUtcNow() < token.ExpiresAt - RenewBefore ? token.AccessToken : null;

    private async Task<CachedToken> RequestTokenAsync(CancellationToken cancellationToken)
    {
        var fields = new List<KeyValuePair<string, string>>();
        AddGrantFields(fields);
        fields.Add(new("client_id", ClientId));
        if (ClientSecret is not null)
        {
            fields.Add(new("client_secret", ClientSecret));
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, TokenEndpoint) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Accept.ParseAdd("application/json");
        var requestedAt = _time.GetUtcNow();
        using var response = await _tokenClient.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw TokenError(response, body, "The token endpoint refused the grant.");
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            var accessToken = root.GetProperty("access_token").GetString() ?? throw new JsonException("access_token is null.");
            var lifetime = root.TryGetProperty("expires_in", out var expiresIn) && expiresIn.TryGetDouble(out var seconds) ? TimeSpan.FromSeconds(seconds) : TimeSpan.FromHours(1);
            OnTokenResponse(root);
            return new CachedToken(accessToken, requestedAt + lifetime);
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw TokenError(response, Array.Empty<byte>(), "The token endpoint's answer has no access_token.");
        }
    }

    // The success body holds the token itself, so only error bodies are quoted.
    private ApiException TokenError(HttpResponseMessage response, byte[] body, string detail) =>
        new((int)response.StatusCode, response.ReasonPhrase, HttpMethod.Post, TokenEndpoint.AbsolutePath, new Dictionary<string, IReadOnlyList<string>>(), Encoding.UTF8.GetString(body), detail);

    private sealed record CachedToken(string AccessToken, DateTimeOffset ExpiresAt);
}
