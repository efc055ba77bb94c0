using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;

namespace CrmSdkGen.Runtime.Auth.OAuth2;

/// <summary>
/// The OAuth2 refresh-token grant: a long-lived refresh token buys short-lived access tokens (HubSpot, Salesforce,
/// Pipedrive, Zoho user apps). When the endpoint rotates the refresh token, the new one is kept and announced through
/// <see cref="RefreshTokenChanged"/> so the application can store it.
/// </summary>
public sealed class OAuth2RefreshCredential : OAuth2Credential
{
    private string _refreshToken;

    /// <summary>Creates the credential.</summary>
    /// <param name="tokenEndpoint">The token endpoint.</param>
    /// <param name="clientId">The client id.</param>
    /// <param name="clientSecret">The client secret; null for public clients.</param>
    /// <param name="refreshToken">The refresh token.</param>
    /// <param name="tokenClient">The HttpClient that calls the token endpoint; a shared one when null.</param>
    /// <param name="timeProvider">The clock that decides expiry; the system clock when null.</param>
    public OAuth2RefreshCredential(Uri tokenEndpoint, string clientId, string? clientSecret, string refreshToken, HttpClient? tokenClient = null, TimeProvider? timeProvider = null)
        : base(tokenEndpoint, clientId, clientSecret, tokenClient, timeProvider)
    {
        _refreshToken = refreshToken ?? throw new ArgumentNullException(nameof(refreshToken));
    }

    /// <summary>Raised with the new refresh token when the endpoint replaces it.</summary>
    public event Action<string>? RefreshTokenChanged;

    private protected override void AddGrantFields(List<KeyValuePair<string, string>> fields)
    {
        fields.Add(new("grant_type", "refresh_token"));
        fields.Add(new("refresh_token", _refreshToken));
    }

    private protected override void OnTokenResponse(JsonElement response)
    {
        if (response.TryGetProperty("refresh_token", out var rotated) && rotated.GetString() is { Length: > 0 } next && next != _refreshToken)
        {
            _refreshToken = next;
            RefreshTokenChanged?.Invoke(next);
        }
    }
}
