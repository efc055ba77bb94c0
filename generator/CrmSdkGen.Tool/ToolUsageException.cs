namespace CrmSdkGen.Tool;

/// <summary>The command line is not one the tool understands.</summary>
internal sealed class ToolUsageException(string message) : Exception(message);
