using System.Text;
using CrmSdkGen.Output;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;

namespace CrmSdkGen.Tests.Support;

/// <summary>
/// Runs the generator through Microsoft.CodeAnalysis.Testing, the way the compiler does: a spec as an AdditionalFile
/// with the metadata the package's targets attach, expected sources and expected diagnostics with their locations.
/// </summary>
internal sealed class GeneratorHarness : CSharpSourceGeneratorTest<CrmSdkGenGenerator, DefaultVerifier>
{
    public const string SpecPath = "/0/specs/spec.yaml";

    public GeneratorHarness(string spec, string specPath = SpecPath, string targetNamespace = "Test.Api", string clientName = "TestClient")
    {
        // The framework of the running test host is the reference set; nothing is downloaded.
        ReferenceAssemblies = new ReferenceAssemblies("net10.0");
        TestState.AdditionalReferences.AddRange(GeneratedCompilation.MetadataReferences);
        TestState.AdditionalFiles.Add((specPath, SourceText.From(spec, Encoding.UTF8)));
        TestState.AnalyzerConfigFiles.Add(("/.globalconfig", $"""
            is_global = true
            build_property.RootNamespace = Test

            [{specPath}]
            build_metadata.AdditionalFiles.CrmSdkGenSpec = true
            build_metadata.AdditionalFiles.Namespace = {targetNamespace}
            build_metadata.AdditionalFiles.ClientName = {clientName}
            """));
        TestState.Sources.Add("internal static class ConsumerCode { }");
    }

    /// <summary>Adds every file the core generates for <paramref name="spec"/> as an expected source, read from golden files.</summary>
    public void ExpectGoldenSources(string caseName, string spec)
    {
        foreach (var (hintName, content) in Golden.Files(caseName, spec))
        {
            TestState.GeneratedSources.Add((typeof(CrmSdkGenGenerator), hintName, SourceText.From(content, Encoding.UTF8)));
        }
    }

    protected override CompilationOptions CreateCompilationOptions() =>
        ((CSharpCompilationOptions)base.CreateCompilationOptions())
            .WithNullableContextOptions(NullableContextOptions.Enable)
            .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic>
            {
                ["CS1701"] = ReportDiagnostic.Suppress,
                ["CS1702"] = ReportDiagnostic.Suppress,
            });

    protected override ParseOptions CreateParseOptions() =>
        ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion.CSharp12).WithDocumentationMode(DocumentationMode.Diagnose);
}
