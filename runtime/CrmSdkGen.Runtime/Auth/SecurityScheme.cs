namespace CrmSdkGen.Runtime.Auth;

/// <summary>A security scheme of the spec, as generated code describes it to the runtime.</summary>
/// <param name="Key">The scheme's name in the spec; credentials are configured under it.</param>
/// <param name="Kind">How the credential is sent.</param>
/// <param name="ParameterName">The header, query or cookie name for API keys.</param>
public sealed record SecurityScheme(string Key, SecuritySchemeKind Kind, string? ParameterName = null);
