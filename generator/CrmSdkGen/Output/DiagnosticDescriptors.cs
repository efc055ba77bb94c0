using System.Collections.Concurrent;
using CrmSdkGen.Kernel;
using Microsoft.CodeAnalysis;

namespace CrmSdkGen.Output;

/// <summary>Roslyn descriptors for the generator's diagnostic IDs.</summary>
internal static class DiagnosticDescriptors
{
    // At most one entry per ID and severity.
    private static readonly ConcurrentDictionary<(string, Severity), DiagnosticDescriptor> Cache = new();

    public static DiagnosticDescriptor For(string id, Severity severity) => Cache.GetOrAdd((id, severity), key => new DiagnosticDescriptor(
        key.Item1,
        Title(key.Item1),
        "{0}",
        "CrmSdkGen",
        key.Item2 switch
        {
            Severity.Error => DiagnosticSeverity.Error,
            Severity.Warning => DiagnosticSeverity.Warning,
            _ => DiagnosticSeverity.Info,
        },
        isEnabledByDefault: true,
        description: "See docs/diagnostics.md in the CrmSdkGen repository for " + key.Item1 + "."));

    private static string Title(string id) => id switch
    {
        DiagnosticIds.SyntaxError => "The spec is not valid JSON or YAML",
        DiagnosticIds.UnsupportedVersion => "The spec's OpenAPI version is not supported",
        DiagnosticIds.SpecRuleViolation => "The spec breaks an OpenAPI rule",
        DiagnosticIds.UnresolvedReference => "A $ref does not resolve",
        DiagnosticIds.UnsupportedMediaType => "A request body media type is passed as raw content",
        DiagnosticIds.UnsupportedParameter => "A parameter or security scheme is not fully supported",
        DiagnosticIds.InternalError => "The generator failed",
        DiagnosticIds.TemplateError => "A template failed",
        DiagnosticIds.InvalidMetadata => "Invalid CrmSdkGenSpec metadata",
        DiagnosticIds.InvalidPattern => "Pattern not checked",
        DiagnosticIds.InvalidSyncHint => "Sync extension not applied",
        DiagnosticIds.ReferenceCycle => "A $ref cycle was cut",
        DiagnosticIds.UnreferencedFile => "A listed file is neither a spec nor part of one",
        DiagnosticIds.LimitExceeded => "Input beyond the generator's bounds",
        DiagnosticIds.AmbiguousReference => "A $ref URL matches several listed files",
        DiagnosticIds.UnreadableNode => "A part of the spec could not be read and was left out",
        DiagnosticIds.NoSyncAdapter => "A resource gets no sync adapter",
        DiagnosticIds.SpecInExecutable => "A large spec in an executable project",
        DiagnosticIds.NoWebhookHandler => "A webhook gets no typed handler",
        DiagnosticIds.InvalidOverlay => "An overlay or one of its actions cannot be applied",
        DiagnosticIds.OverlayTargetUnmatched => "An overlay action's target matches nothing",
        DiagnosticIds.OverlaySpecNotFound => "An overlay names a spec that is not listed",
        DiagnosticIds.FilterUnmatched => "An Include or Exclude entry matches no operation",
        DiagnosticIds.BaselineNotFound => "Baseline spec not found",
        DiagnosticIds.RemovedOperation => "Breaking change: operation removed",
        DiagnosticIds.RemovedProperty => "Breaking change: property or schema removed or renamed",
        DiagnosticIds.ChangedType => "Breaking change: type or format changed",
        DiagnosticIds.BecameRequired => "Breaking change: optional became required",
        DiagnosticIds.RemovedEnumValue => "Breaking change: enum value removed",
        DiagnosticIds.RemovedResponse => "Breaking change: response removed",
        DiagnosticIds.ChangedParameterLocation => "Breaking change: parameter location changed",
        DiagnosticIds.NarrowedConstraint => "Breaking change: constraint narrowed",
        DiagnosticIds.RemovedParameter => "Breaking change: parameter removed",
        DiagnosticIds.Addition => "Addition since the baseline",
        DiagnosticIds.Moved => "Renamed or moved since the baseline",
        DiagnosticIds.ChangedStatus => "Success status changed since the baseline",
        _ => "CrmSdkGen",
    };
}
