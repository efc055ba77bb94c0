namespace CrmSdkGen.Model;

internal enum ApiSecurityKind
{
    ApiKeyHeader,
    ApiKeyQuery,
    ApiKeyCookie,
    Bearer,
    Basic,
}

internal sealed record ApiSecurityScheme(string Key, ApiSecurityKind Kind, string? ParameterName, string? Description)
{
    /// <summary>Whether the scheme is OAuth2 or OpenID Connect, whose tokens the client can obtain and renew itself.</summary>
    public bool OAuth2 { get; init; }
}
