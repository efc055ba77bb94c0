using System;
using System.Collections.Generic;

namespace CrmSdkGen.Testing.Recording;

/// <summary>
/// What a recording never keeps: credential headers, query parameters that carry keys, and JSON properties that hold
/// secrets or personal data, each replaced by <see cref="Placeholder"/>. Names compare without regard to case.
/// </summary>
public sealed class RedactionRules
{
    /// <summary>What a redacted value becomes.</summary>
    public const string Placeholder = "[redacted]";

    /// <summary>Headers whose values are dropped (Authorization, cookies, API-key headers by default).</summary>
    public ISet<string> Headers { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie", "X-Api-Key", "Api-Key", "X-Auth-Token", "X-HubSpot-Signature-v3",
    };

    /// <summary>Query parameters whose values are dropped (keys and tokens by default).</summary>
    public ISet<string> QueryParameters { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "api_key", "apikey", "hapikey", "key", "token", "access_token", "client_secret", "signature",
    };

    /// <summary>JSON properties whose values are dropped wherever they appear in a body (secrets and personal data by default).</summary>
    public ISet<string> JsonProperties { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "password", "secret", "client_secret", "access_token", "refresh_token", "token", "api_key",
        "email", "phone", "mobilephone", "mobile", "firstname", "first_name", "lastname", "last_name", "address", "birthdate",
    };
}
