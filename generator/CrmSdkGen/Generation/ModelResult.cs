using CrmSdkGen.Kernel;
using CrmSdkGen.Model;

namespace CrmSdkGen.Generation;

/// <summary>The outcome of reading and modelling one spec: the API description (absent when the spec is unusable), names and findings.</summary>
internal sealed record ModelResult(
    string SpecPath,
    ApiDescription? Api,
    string Namespace,
    string ClientName,
    EquatableArray<DiagnosticInfo> Diagnostics)
{
    /// <summary>Whether generated files run the compiler's nullable analysis; see <see cref="SpecSource.NullableWarnings"/>.</summary>
    public bool NullableWarnings { get; init; }
}
