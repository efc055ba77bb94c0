namespace CrmSdkGen.Model;

/// <summary>The generator's diagnostic IDs; docs/diagnostics.md explains each one.</summary>
internal static class DiagnosticIds
{
    public const string SyntaxError = "CSG0001";
    public const string UnsupportedVersion = "CSG0002";
    public const string SpecRuleViolation = "CSG0003";
    public const string UnresolvedReference = "CSG0004";
    public const string UnsupportedMediaType = "CSG0006";
    public const string UnsupportedParameter = "CSG0007";
    public const string InternalError = "CSG0008";
    public const string TemplateError = "CSG0009";
    public const string InvalidMetadata = "CSG0010";
    public const string InvalidPattern = "CSG0011";
}
