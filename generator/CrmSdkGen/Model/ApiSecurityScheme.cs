namespace CrmSdkGen.Model;

internal enum ApiSecurityKind
{
    ApiKeyHeader,
    ApiKeyQuery,
    ApiKeyCookie,
    Bearer,
    Basic,
}

internal sealed record ApiSecurityScheme(string Key, ApiSecurityKind Kind, string? ParameterName, string? Description);
