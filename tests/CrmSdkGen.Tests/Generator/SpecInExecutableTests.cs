using CrmSdkGen.Kernel;
using CrmSdkGen.Output;
using CrmSdkGen.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CrmSdkGen.Tests.Generator;

/// <summary>A large spec inside an executable project is an info diagnostic that points at the faster layout: the SDK in its own class library.</summary>
public sealed class SpecInExecutableTests
{
    private static readonly string Large = File.ReadAllText(GeneratedCompilation.SpecPath("large/twilio-api-v2010.yaml"));
    private static readonly string Small = File.ReadAllText(GeneratedCompilation.SpecPath("acme/acme-crm-contacts.yaml"));

    [Theory]
    [InlineData("Exe", null, true, true)]
    [InlineData("WinExe", null, true, true)]
    [InlineData("exe", "quiet", true, false)]
    [InlineData("Library", null, true, false)]
    [InlineData(null, null, true, false)]
    [InlineData("Exe", null, false, false)]
    public void A_large_spec_in_an_executable_suggests_a_class_library(string? outputType, string? setting, bool large, bool expected)
    {
        var properties = new Dictionary<string, string>();
        if (outputType is not null)
        {
            properties["OutputType"] = outputType;
        }

        if (setting is not null)
        {
            properties["CrmSdkGenSpecInExecutable"] = setting;
        }

        var compilation = CSharpCompilation.Create("App", [CSharpSyntaxTree.ParseText("internal static class AppCode { }", GeneratedCompilation.ParseOptions)], GeneratedCompilation.MetadataReferences, new CSharpCompilationOptions(OutputKind.ConsoleApplication));
        var driver = CSharpGeneratorDriver.Create(
            [new CrmSdkGenGenerator().AsSourceGenerator()],
            [new InMemoryAdditionalText("/project/specs/api.yaml", large ? Large : Small)],
            GeneratedCompilation.ParseOptions,
            new SpecItemOptionsProvider("Test.Api", "TestClient", buildProperties: properties));

        var diagnostics = driver.RunGenerators(compilation).GetRunResult().Diagnostics.Where(diagnostic => diagnostic.Id == "CSG0019").ToList();

        Assert.Equal(expected ? 1 : 0, diagnostics.Count);
        if (expected)
        {
            Assert.Equal(DiagnosticSeverity.Info, diagnostics[0].Severity);
            Assert.Equal("/project/specs/api.yaml", diagnostics[0].Location.GetLineSpan().Path);
            Assert.Contains("class library", diagnostics[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }
    }
}
