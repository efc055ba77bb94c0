namespace CrmSdkGen.Kernel;

/// <summary>A spec file of the project, available to the others as a target of relative $refs.</summary>
internal sealed record SpecFile(string Path, string Text);
