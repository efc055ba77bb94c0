using CrmSdkGen.Emit;
using CrmSdkGen.Generation;
using CrmSdkGen.Output;
using CrmSdkGen.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CrmSdkGen.Tests.Generator;

/// <summary>
/// An edit elsewhere in the project re-runs nothing; an edit to one schema re-emits only its file; an edit to one template
/// re-renders without re-reading the spec and changes only the files that template renders.
/// </summary>
public sealed class IncrementalityTests
{
    private static readonly string[] TrackedSteps = [CrmSdkGenGenerator.SpecStep, CrmSdkGenGenerator.ModelStep, CrmSdkGenGenerator.FilesStep, CrmSdkGenGenerator.FileStep];

    [Fact]
    public void Editing_an_unrelated_source_file_leaves_every_step_cached_or_unchanged()
    {
        var (driver, compilation) = RunOnce(TestSpecs.Operations);
        var edited = compilation.ReplaceSyntaxTree(compilation.SyntaxTrees.First(), CSharpSyntaxTree.ParseText("internal static class ConsumerCode { public static int Edited => 2; }", GeneratedCompilation.ParseOptions));

        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (var step in TrackedSteps)
        {
            var outputs = result.TrackedSteps[step].SelectMany(run => run.Outputs).ToList();
            Assert.NotEmpty(outputs);
            Assert.All(outputs, output => Assert.True(
                output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                $"Step {step} reported {output.Reason}."));
        }
    }

    [Fact]
    public void Editing_one_schema_description_re_emits_only_that_models_file()
    {
        var (driver, compilation) = RunOnce(TestSpecs.Operations);
        var changedSpec = TestSpecs.Operations.Replace("\"Error\": { \"type\": \"object\",", "\"Error\": { \"type\": \"object\", \"description\": \"A CRM error.\",", StringComparison.Ordinal);
        Assert.NotEqual(TestSpecs.Operations, changedSpec);

        driver = driver.ReplaceAdditionalText(Spec(TestSpecs.Operations), Spec(changedSpec));
        var result = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        var files = result.TrackedSteps[CrmSdkGenGenerator.FileStep].SelectMany(run => run.Outputs).ToList();
        var modified = files.Where(output => output.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New).ToList();
        var modifiedFile = Assert.Single(modified);
        Assert.Equal("Test.Api.Models.Error.g.cs", ((CrmSdkGen.Generation.GeneratedFile)modifiedFile.Value).HintName);
        Assert.All(files.Except(modified), output => Assert.Equal(IncrementalStepRunReason.Unchanged, output.Reason));
    }

    [Fact]
    public void Editing_a_template_re_renders_without_re_modelling_and_changes_only_the_files_it_renders()
    {
        var first = new InMemoryAdditionalText("/templates/Enum.sbn", "// first\n" + CrmSdkGen.Emit.TemplateCatalog.ReadSource("Enum"));
        var (driver, compilation) = RunOnce(TestSpecs.Models, first);
        var second = new InMemoryAdditionalText("/templates/Enum.sbn", "// second\n" + CrmSdkGen.Emit.TemplateCatalog.ReadSource("Enum"));

        driver = driver.ReplaceAdditionalText(first, second);
        var result = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        foreach (var step in new[] { CrmSdkGenGenerator.SpecStep, CrmSdkGenGenerator.ModelStep })
        {
            Assert.All(result.TrackedSteps[step].SelectMany(run => run.Outputs), output => Assert.True(
                output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"Step {step} reported {output.Reason}."));
        }

        var files = result.TrackedSteps[CrmSdkGenGenerator.FileStep].SelectMany(run => run.Outputs).ToList();
        var modified = files.Where(output => output.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New).ToList();
        var enumFile = (CrmSdkGen.Generation.GeneratedFile)Assert.Single(modified).Value;
        Assert.Equal("Test.Api.Models.Stage.g.cs", enumFile.HintName);
        Assert.StartsWith("// second", enumFile.Content, StringComparison.Ordinal);
        Assert.True(files.Count > 3);
        Assert.All(files.Except(modified), output => Assert.Equal(IncrementalStepRunReason.Unchanged, output.Reason));
    }

    private static readonly Dictionary<string, AdditionalText> Texts = new();

    private static AdditionalText Spec(string text)
    {
        lock (Texts)
        {
            if (!Texts.TryGetValue(text, out var additional))
            {
                additional = new InMemoryAdditionalText(text.TrimStart().StartsWith('{') ? "/specs/crm.json" : "/specs/crm.yaml", text);
                Texts[text] = additional;
            }

            return additional;
        }
    }

    private static (GeneratorDriver Driver, Compilation Compilation) RunOnce(string spec, params AdditionalText[] templates)
    {
        var compilation = CSharpCompilation.Create(
            "Consumer",
            [CSharpSyntaxTree.ParseText("internal static class ConsumerCode { }", GeneratedCompilation.ParseOptions)],
            GeneratedCompilation.MetadataReferences,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new CrmSdkGenGenerator().AsSourceGenerator()],
            [Spec(spec), .. templates],
            GeneratedCompilation.ParseOptions,
            new SpecItemOptionsProvider("Test.Api", "TestClient"),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        driver = driver.RunGenerators(compilation);
        Assert.Empty(driver.GetRunResult().Diagnostics);
        return (driver, compilation);
    }
}
