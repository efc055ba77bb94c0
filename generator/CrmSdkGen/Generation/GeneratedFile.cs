namespace CrmSdkGen.Generation;

/// <summary>One generated C# file.</summary>
internal sealed record GeneratedFile(string HintName, string Content);
