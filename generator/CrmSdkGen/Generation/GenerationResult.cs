using CrmSdkGen.Kernel;

namespace CrmSdkGen.Generation;

/// <summary>The files generated for one spec and every finding on the way.</summary>
internal sealed record GenerationResult(EquatableArray<GeneratedFile> Files, EquatableArray<DiagnosticInfo> Diagnostics);
