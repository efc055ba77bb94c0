using System;
using System.Collections.Generic;
using System.Net.Http;

namespace CrmSdkGen.Runtime.Auth.OAuth2;

/// <summary>The OAuth2 client-credentials grant: the client's own id and secret buy a token (Dataverse, Salesforce, Zoho server apps).</summary>
public sealed class OAuth2ClientCredential : OAuth2Credential
{
    private readonly string? _scope;

    /// <summary>Creates the credential.</summary>
    /// <param name="tokenEndpoint">The token endpoint.</param>
    /// <param name="clientId">The client id.</param>
    /// <param name="clientSecret">The client secret.</param>
    /// <param name="scopes">The scopes to ask for, if the endpoint wants them.</param>
    /// <param name="tokenClient">The HttpClient that calls the token endpoint; a shared one when null.</param>
    /// <param name="timeProvider">The clock that decides expiry; the system clock when null.</param>
    public OAuth2ClientCredential(Uri tokenEndpoint, string clientId, string clientSecret, IEnumerable<string>? scopes = null, HttpClient? tokenClient = null, TimeProvider? timeProvider = null)
        : base(tokenEndpoint, clientId, clientSecret ?? throw new ArgumentNullException(nameof(clientSecret)), tokenClient, timeProvider)
    {
        _scope = scopes is null ? null : string.Join(' ', scopes);
    }

    private protected override void AddGrantFields(List<KeyValuePair<string, string>> fields)
    {
        fields.Add(new("grant_type", "client_credentials"));
        if (!string.IsNullOrEmpty(_scope))
        {
            fields.Add(new("scope", _scope));
        }
    }
}
