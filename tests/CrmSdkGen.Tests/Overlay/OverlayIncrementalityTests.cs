using CrmSdkGen.Output;
using CrmSdkGen.Tests.Generator;
using CrmSdkGen.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CrmSdkGen.Tests.Overlay;

/// <summary>CrmSdkGenOverlay items in the incremental pipeline: applied to the spec they name, and an edit re-models only that spec.</summary>
public sealed class OverlayIncrementalityTests
{
    private static readonly AdditionalText First = new InMemoryAdditionalText("/specs/first.yaml", TestSpecs.Models);
    private static readonly AdditionalText Second = new InMemoryAdditionalText("/specs/second.json", TestSpecs.Operations);
    private static readonly AdditionalText FirstsOverlay = new InMemoryAdditionalText("/overlays/first.yaml", Overlay("overlayAdded"));

    [Fact]
    public void An_overlay_item_changes_the_client_of_the_spec_it_names()
    {
        var (driver, _) = RunOnce();

        var company = driver.GetRunResult().GeneratedTrees.Single(tree => tree.FilePath.EndsWith("Test.First.Models.Company.g.cs", StringComparison.Ordinal)).ToString();
        Assert.Contains("public int? OverlayAdded", company, StringComparison.Ordinal);
    }

    [Fact]
    public void Editing_an_overlay_re_models_only_the_spec_it_names()
    {
        var (driver, compilation) = RunOnce();
        var edited = new InMemoryAdditionalText("/overlays/first.yaml", Overlay("renamedByOverlay"));

        var result = driver.ReplaceAdditionalText(FirstsOverlay, edited).RunGenerators(compilation).GetRunResult().Results.Single();

        var models = result.TrackedSteps[CrmSdkGenGenerator.ModelStep].SelectMany(run => run.Outputs).ToList();
        Assert.Equal(2, models.Count);
        var modified = Assert.Single(models, output => output.Reason is IncrementalStepRunReason.Modified);
        Assert.Equal("/specs/first.yaml", ((CrmSdkGen.Generation.ModelResult)modified.Value).SpecPath);
        Assert.Contains(result.GeneratedSources, source => source.HintName == "Test.First.Models.Company.g.cs" && source.SourceText.ToString().Contains("RenamedByOverlay", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unrelated_edit_re_runs_nothing()
    {
        var (driver, compilation) = RunOnce();
        var edited = compilation.ReplaceSyntaxTree(compilation.SyntaxTrees.Single(), CSharpSyntaxTree.ParseText("internal static class ConsumerCode { public static int Answer => 42; }", GeneratedCompilation.ParseOptions));

        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (var step in new[] { CrmSdkGenGenerator.SpecStep, CrmSdkGenGenerator.ModelStep, CrmSdkGenGenerator.FilesStep, CrmSdkGenGenerator.FileStep })
        {
            Assert.All(result.TrackedSteps[step].SelectMany(run => run.Outputs), output => Assert.True(
                output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"Step {step} reported {output.Reason}."));
        }
    }

    private static string Overlay(string property) => $$"""
        overlay: 1.0.0
        info: { title: First's portal, version: 1.0.0 }
        actions:
          - target: $.components.schemas.Company.properties
            update:
              {{property}}: { type: integer, format: int32 }
        """;

    private static (GeneratorDriver Driver, Compilation Compilation) RunOnce()
    {
        var compilation = CSharpCompilation.Create(
            "Consumer",
            [CSharpSyntaxTree.ParseText("internal static class ConsumerCode { }", GeneratedCompilation.ParseOptions)],
            GeneratedCompilation.MetadataReferences,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var options = new SpecItemOptionsProvider("Test.Api", "TestClient", path => path switch
        {
            "/specs/first.yaml" => new() { ["build_metadata.AdditionalFiles.CrmSdkGenSpec"] = "true", ["build_metadata.AdditionalFiles.Namespace"] = "Test.First", ["build_metadata.AdditionalFiles.ClientName"] = "FirstClient" },
            "/specs/second.json" => new() { ["build_metadata.AdditionalFiles.CrmSdkGenSpec"] = "true", ["build_metadata.AdditionalFiles.Namespace"] = "Test.Second", ["build_metadata.AdditionalFiles.ClientName"] = "SecondClient" },
            "/overlays/first.yaml" => new() { ["build_metadata.AdditionalFiles.CrmSdkGenOverlay"] = "true", ["build_metadata.AdditionalFiles.Spec"] = "first.yaml" },
            _ => null,
        });
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new CrmSdkGenGenerator().AsSourceGenerator()],
            [First, Second, FirstsOverlay],
            GeneratedCompilation.ParseOptions,
            options,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        driver = driver.RunGenerators(compilation);
        Assert.Empty(driver.GetRunResult().Diagnostics);
        return (driver, compilation);
    }
}
