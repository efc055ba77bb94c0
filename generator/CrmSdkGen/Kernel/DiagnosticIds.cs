namespace CrmSdkGen.Kernel;

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
    public const string InvalidSyncHint = "CSG0012";
    public const string ReferenceCycle = "CSG0013";
    public const string UnreferencedFile = "CSG0014";
    public const string LimitExceeded = "CSG0015";
    public const string AmbiguousReference = "CSG0016";
    public const string UnreadableNode = "CSG0017";
    public const string NoSyncAdapter = "CSG0018";
    public const string SpecInExecutable = "CSG0019";
    public const string NoWebhookHandler = "CSG0020";
    public const string InvalidOverlay = "CSG0021";
    public const string OverlayTargetUnmatched = "CSG0022";
    public const string OverlaySpecNotFound = "CSG0023";
    public const string FilterUnmatched = "CSG0024";

    // The regeneration report: what a new version of a spec changes against its Baseline.
    public const string BaselineNotFound = "CSG0100";
    public const string RemovedOperation = "CSG0101";
    public const string RemovedProperty = "CSG0102";
    public const string ChangedType = "CSG0103";
    public const string BecameRequired = "CSG0104";
    public const string RemovedEnumValue = "CSG0105";
    public const string RemovedResponse = "CSG0106";
    public const string ChangedParameterLocation = "CSG0107";
    public const string NarrowedConstraint = "CSG0108";
    public const string RemovedParameter = "CSG0109";
    public const string Addition = "CSG0110";
    public const string Moved = "CSG0111";
    public const string ChangedStatus = "CSG0112";
}
