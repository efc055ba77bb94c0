using System;
using System.Collections.Generic;
using System.Linq;
using CrmSdkGen.Model;

namespace CrmSdkGen.Generation;

/// <summary>How a hand-run request carries its credentials: each security scheme as a variable the user fills in.</summary>
internal static class RequestAuth
{
    /// <summary>The variables of the spec's security schemes, one per scheme.</summary>
    public static IEnumerable<string> Variables(ApiDescription api) => api.SecuritySchemes.Select(scheme => Variable(scheme.Key)).Distinct(StringComparer.Ordinal);

    /// <summary>The headers and query parameters of the first security alternative the operation accepts.</summary>
    public static (List<(string Name, string Value)> Headers, List<(string Name, string Value)> Query) For(ApiDescription api, ApiOperation operation)
    {
        var headers = new List<(string Name, string Value)>();
        var query = new List<(string Name, string Value)>();
        var alternative = operation.Security.FirstOrDefault(candidate => candidate.SchemeKeys.All(key => api.SecuritySchemes.Any(scheme => scheme.Key == key)));
        foreach (var key in alternative?.SchemeKeys ?? default)
        {
            var scheme = api.SecuritySchemes.First(candidate => candidate.Key == key);
            var variable = "{{" + Variable(key) + "}}";
            switch (scheme.Kind)
            {
                case ApiSecurityKind.ApiKeyHeader:
                    headers.Add((scheme.ParameterName ?? "X-Api-Key", variable));
                    break;
                case ApiSecurityKind.ApiKeyQuery:
                    query.Add((scheme.ParameterName ?? "api_key", variable));
                    break;
                case ApiSecurityKind.ApiKeyCookie:
                    headers.Add(("Cookie", (scheme.ParameterName ?? "session") + "=" + variable));
                    break;
                case ApiSecurityKind.Bearer:
                    headers.Add(("Authorization", "Bearer " + variable));
                    break;
                case ApiSecurityKind.Basic:
                    headers.Add(("Authorization", "Basic " + variable));
                    break;
            }
        }

        return (headers, query);
    }

    /// <summary>
    /// A scheme's variable, a name both formats accept: its key with anything but letters, digits and '_' dropped. A basic
    /// scheme's variable holds the base64 of "user:password", as the Authorization header carries it.
    /// </summary>
    public static string Variable(string key)
    {
        var name = new string(key.Where(character => char.IsLetterOrDigit(character) || character == '_').ToArray());
        return name.Length == 0 ? "credential" : name;
    }
}
