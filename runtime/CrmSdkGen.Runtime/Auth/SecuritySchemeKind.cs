namespace CrmSdkGen.Runtime.Auth;

/// <summary>How a security scheme puts its credential on a request.</summary>
public enum SecuritySchemeKind
{
    /// <summary>An API key in a header.</summary>
    ApiKeyHeader,
    /// <summary>An API key in the query string.</summary>
    ApiKeyQuery,
    /// <summary>An API key in a cookie.</summary>
    ApiKeyCookie,
    /// <summary>A bearer token in the Authorization header (HTTP bearer, OAuth2, OpenID Connect).</summary>
    Bearer,
    /// <summary>HTTP basic authentication.</summary>
    Basic,
}
