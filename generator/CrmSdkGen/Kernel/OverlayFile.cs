namespace CrmSdkGen.Kernel;

/// <summary>A CrmSdkGenOverlay item: its file, and the full path of the spec its Spec metadata names (empty: every spec).</summary>
internal sealed record OverlayFile(string Path, string Text, string SpecPath);
