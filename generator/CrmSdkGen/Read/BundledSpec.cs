namespace CrmSdkGen.Read;

/// <summary>A document joined with the files it refers to, as JSON text with internal references only.</summary>
internal sealed record BundledSpec(string Text);
