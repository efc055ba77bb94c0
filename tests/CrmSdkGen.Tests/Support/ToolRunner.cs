using CrmSdkGen.Tool;

namespace CrmSdkGen.Tests.Support;

/// <summary>Runs a <c>crmsdkgen</c> command in process, as its command line would.</summary>
internal static class ToolRunner
{
    public static (int Code, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = ToolCommands.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
