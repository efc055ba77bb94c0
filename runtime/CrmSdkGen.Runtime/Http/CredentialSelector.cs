using System;
using System.Collections.Generic;
using System.Linq;
using CrmSdkGen.Runtime.Auth;

namespace CrmSdkGen.Runtime.Http;

/// <summary>Picks the configured credentials that satisfy one of an operation's security alternatives.</summary>
internal static class CredentialSelector
{
    private static readonly List<(SecurityScheme Scheme, ApiCredential Credential)> None = new(0);

    /// <summary>The credentials of the first alternative the options satisfy in full.</summary>
    /// <exception cref="InvalidOperationException">
    /// Credentials are configured, but none of them is one the operation accepts: sending it without would only earn a
    /// 401. With no credential configured at all the request goes out as it is (auth added by a message handler).
    /// </exception>
    public static List<(SecurityScheme Scheme, ApiCredential Credential)> Select(ApiClientOptions options, ApiRequest request)
    {
        var alternatives = request.Security;
        if (alternatives.Length == 0)
        {
            return None;
        }

        var selected = new List<(SecurityScheme, ApiCredential)>();
        foreach (var alternative in alternatives)
        {
            selected.Clear();
            foreach (var scheme in alternative)
            {
                var credential = options.GetCredential(scheme.Key);
                if (credential is null || !credential.CanApplyTo(scheme))
                {
                    break;
                }

                selected.Add((scheme, credential));
            }

            if (selected.Count == alternative.Length)
            {
                return selected;
            }
        }

        var configured = options.ConfiguredSchemes.ToList();
        if (configured.Count > 0)
        {
            throw new InvalidOperationException(
                $"{request.Method.Method} {request.PathTemplate} accepts {Describe(alternatives)}, but the client's credentials are for {string.Join(", ", configured.Select(key => "'" + key + "'"))}. "
                + "Set the credential property of a scheme the operation accepts (a token the CRM issues for another scheme, such as a HubSpot private-app token, is a bearer token for its 'oauth2' scheme).");
        }

        selected.Clear();
        return selected;
    }

    private static string Describe(SecurityScheme[][] alternatives) =>
        string.Join(" or ", alternatives.Select(alternative => string.Join(" with ", alternative.Select(scheme => $"'{scheme.Key}' ({Kind(scheme)})"))));

    private static string Kind(SecurityScheme scheme) => scheme.Kind switch
    {
        SecuritySchemeKind.Bearer => "a bearer token",
        SecuritySchemeKind.Basic => "a user name and password",
        SecuritySchemeKind.ApiKeyHeader => $"an API key in the {scheme.ParameterName} header",
        SecuritySchemeKind.ApiKeyQuery => $"an API key in the {scheme.ParameterName} query parameter",
        SecuritySchemeKind.ApiKeyCookie => $"an API key in the {scheme.ParameterName} cookie",
        _ => scheme.Kind.ToString(),
    };
}
