using CrmSdkGen.Emit;
using CrmSdkGen.Generation;
using CrmSdkGen.Output;
using CrmSdkGen.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CrmSdkGen.Tests.Generator;

/// <summary>
/// Several specs and templates in one project: an edit to one spec re-runs only that spec's pipeline, and an edit that
/// leaves the API description equal (formatting, key order) stops at the model, which compares by value.
/// </summary>
public sealed class MultiSpecIncrementalityTests
{
    private static readonly AdditionalText First = new InMemoryAdditionalText("/specs/first.yaml", TestSpecs.Models);
    private static readonly AdditionalText Second = new InMemoryAdditionalText("/specs/second.json", TestSpecs.Operations);
    private static readonly AdditionalText FirstsEnum = new InMemoryAdditionalText("/templates/Enum.sbn", "// first's enums\n" + CrmSdkGen.Emit.TemplateCatalog.ReadSource("Enum"));

    [Fact]
    public void Editing_one_spec_re_runs_only_its_pipeline()
    {
        var (driver, compilation) = RunOnce(First, Second, FirstsEnum);
        var edited = new InMemoryAdditionalText("/specs/second.json", TestSpecs.Operations.Replace("\"Error\": { \"type\": \"object\",", "\"Error\": { \"type\": \"object\", \"description\": \"A CRM error.\",", StringComparison.Ordinal));

        var result = driver.ReplaceAdditionalText(Second, edited).RunGenerators(compilation).GetRunResult().Results.Single();

        var models = result.TrackedSteps[CrmSdkGenGenerator.ModelStep].SelectMany(run => run.Outputs).ToList();
        Assert.Equal(2, models.Count);
        Assert.Single(models, output => output.Reason is IncrementalStepRunReason.Modified);
        var files = result.TrackedSteps[CrmSdkGenGenerator.FileStep].SelectMany(run => run.Outputs).Select(output => (((CrmSdkGen.Generation.GeneratedFile)output.Value).HintName, output.Reason)).ToList();
        Assert.Contains(files, file => file.HintName.StartsWith("Test.First.", StringComparison.Ordinal));
        Assert.All(files.Where(file => file.HintName.StartsWith("Test.First.", StringComparison.Ordinal)), file => Assert.True(
            file.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{file.HintName} reported {file.Reason}."));
        Assert.Equal(["Test.Second.Models.Error.g.cs"], files.Where(file => file.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New).Select(file => file.HintName));
        Assert.Contains(result.GeneratedSources, source => source.HintName.StartsWith("Test.First.", StringComparison.Ordinal) && source.SourceText.ToString().StartsWith("// first's enums", StringComparison.Ordinal));
    }

    [Fact]
    public void An_edit_that_leaves_the_description_equal_stops_at_the_model()
    {
        var (driver, compilation) = RunOnce(First, Second, FirstsEnum);
        var reformatted = new InMemoryAdditionalText("/specs/second.json", System.Text.Json.Nodes.JsonNode.Parse(TestSpecs.Operations)!.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        Assert.NotEqual(TestSpecs.Operations, reformatted.GetText()!.ToString());

        var result = driver.ReplaceAdditionalText(Second, reformatted).RunGenerators(compilation).GetRunResult().Results.Single();

        Assert.Contains(result.TrackedSteps[CrmSdkGenGenerator.SpecStep].SelectMany(run => run.Outputs), output => output.Reason is IncrementalStepRunReason.Modified);
        foreach (var step in new[] { CrmSdkGenGenerator.ModelStep, CrmSdkGenGenerator.FilesStep, CrmSdkGenGenerator.FileStep })
        {
            Assert.All(result.TrackedSteps[step].SelectMany(run => run.Outputs), output => Assert.True(
                output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"Step {step} reported {output.Reason}."));
        }
    }

    private static (GeneratorDriver Driver, Compilation Compilation) RunOnce(params AdditionalText[] texts)
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
            "/templates/Enum.sbn" => new() { ["build_metadata.AdditionalFiles.CrmSdkGenTemplate"] = "true", ["build_metadata.AdditionalFiles.Spec"] = "first.yaml" },
            _ => null,
        });
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new CrmSdkGenGenerator().AsSourceGenerator()],
            texts,
            GeneratedCompilation.ParseOptions,
            options,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        driver = driver.RunGenerators(compilation);
        Assert.Empty(driver.GetRunResult().Diagnostics);
        Assert.Contains(driver.GetRunResult().GeneratedTrees, tree => tree.FilePath.Contains("Test.First.", StringComparison.Ordinal));
        Assert.Contains(driver.GetRunResult().GeneratedTrees, tree => tree.FilePath.Contains("Test.Second.", StringComparison.Ordinal));
        return (driver, compilation);
    }
}
