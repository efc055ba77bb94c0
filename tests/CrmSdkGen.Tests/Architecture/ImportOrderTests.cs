using CrmSdkGen.Tests.Support;
using Xunit.Abstractions;

namespace CrmSdkGen.Tests.Architecture;

/// <summary>
/// The generator's stages use only the stages before them and the shared kernel, both in their <c>using</c> directives
/// and in every type they name; the runtime's folders use each other without a cycle.
/// </summary>
public sealed class ImportOrderTests(ITestOutputHelper output)
{
    // Each namespace of the generator with the namespaces it may use; a stage sees the stages before it.
    private static readonly Dictionary<string, string[]> GeneratorStages = new(StringComparer.Ordinal)
    {
        ["CrmSdkGen.Kernel"] = [],
        ["CrmSdkGen.Read"] = ["CrmSdkGen.Kernel"],
        ["CrmSdkGen.Overlay"] = ["CrmSdkGen.Kernel", "CrmSdkGen.Read"],
        ["CrmSdkGen.Model"] = ["CrmSdkGen.Kernel"],
        ["CrmSdkGen.Model.Detection"] = ["CrmSdkGen.Kernel", "CrmSdkGen.Read", "CrmSdkGen.Model"],
        ["CrmSdkGen.Model.Mapping"] = ["CrmSdkGen.Kernel", "CrmSdkGen.Read", "CrmSdkGen.Model", "CrmSdkGen.Model.Detection"],
        ["CrmSdkGen.Compare"] = ["CrmSdkGen.Kernel", "CrmSdkGen.Read", "CrmSdkGen.Model", "CrmSdkGen.Model.Mapping"],
        ["CrmSdkGen.CSharp.TemplateModels"] = ["CrmSdkGen.Kernel"],
        ["CrmSdkGen.CSharp"] = ["CrmSdkGen.Kernel", "CrmSdkGen.Model", "CrmSdkGen.CSharp.TemplateModels"],
        ["CrmSdkGen.Emit"] = ["CrmSdkGen.Kernel", "CrmSdkGen.CSharp", "CrmSdkGen.CSharp.TemplateModels"],
        ["CrmSdkGen.Generation"] = ["CrmSdkGen.Kernel", "CrmSdkGen.Read", "CrmSdkGen.Overlay", "CrmSdkGen.Model", "CrmSdkGen.Model.Detection", "CrmSdkGen.Model.Mapping", "CrmSdkGen.Compare", "CrmSdkGen.CSharp", "CrmSdkGen.CSharp.TemplateModels", "CrmSdkGen.Emit"],
        ["CrmSdkGen.Output"] = ["CrmSdkGen.Kernel", "CrmSdkGen.Generation"],
        ["System.Runtime.CompilerServices"] = [],
    };

    [Fact]
    public void Every_using_of_the_generator_imports_a_stage_before_its_own_or_the_kernel()
    {
        var generator = Path.Combine(RepositoryPaths.Root(), "generator", "CrmSdkGen");
        var wrong = new List<string>();
        foreach (var file in ImportGraph.SourceFiles(generator))
        {
            var text = File.ReadAllText(file);
            var space = ImportGraph.NamespaceOf(text);
            Assert.True(GeneratorStages.ContainsKey(space), $"{file} is in the namespace {space}, which no stage of the generator has.");
            foreach (var imported in ImportGraph.Usings(text).Where(name => name.StartsWith("CrmSdkGen", StringComparison.Ordinal)))
            {
                if (!GeneratorStages[space].Contains(imported))
                {
                    wrong.Add($"{Path.GetRelativePath(generator, file)} ({space}) imports {imported}");
                }
            }
        }

        Assert.True(wrong.Count == 0, "Imports against the stage order:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void Every_type_the_generator_names_comes_from_a_stage_before_its_own_or_the_kernel()
    {
        var graph = ImportGraph.Of(Path.Combine(RepositoryPaths.Root(), "generator", "CrmSdkGen"));
        var wrong = graph.Edges
            .Where(edge => !GeneratorStages.GetValueOrDefault(edge.Key.From, []).Contains(edge.Key.To))
            .Select(edge => $"{edge.Key.From} → {edge.Key.To}: {string.Join(", ", edge.Value.Take(5))}")
            .ToList();
        Print(graph);

        Assert.NotEmpty(graph.Edges);
        Assert.True(wrong.Count == 0, "Uses against the stage order:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void The_runtime_s_folders_use_each_other_without_a_cycle()
    {
        var graph = ImportGraph.Of(Path.Combine(RepositoryPaths.Root(), "runtime", "CrmSdkGen.Runtime"));
        Print(graph);

        Assert.Contains(("CrmSdkGen.Runtime.Http", "CrmSdkGen.Runtime.Auth"), graph.Edges.Keys);
        Assert.Empty(graph.Cycles());
    }

    [Fact]
    public void A_cycle_between_two_folders_is_found_with_the_uses_that_make_it()
    {
        var folder = Directory.CreateTempSubdirectory("crmsdkgen-graph");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "A.cs"), "namespace Demo.A;\n\n/// <summary><see cref=\"Demo.B.Beta\"/></summary>\ninternal sealed class Alpha;\n");
            File.WriteAllText(Path.Combine(folder.FullName, "B.cs"), "using Demo.A;\n\nnamespace Demo.B;\n\ninternal sealed class Beta { public Alpha? First { get; } }\n");
            File.WriteAllText(Path.Combine(folder.FullName, "C.cs"), "using Demo.A;\n\nnamespace Demo.C;\n\ninternal sealed class Gamma { public Alpha? First { get; } }\n");

            var graph = ImportGraph.Of(folder.FullName);

            var cycle = Assert.Single(graph.Cycles());
            Assert.StartsWith("Demo.A → Demo.B → Demo.A", cycle, StringComparison.Ordinal);
            Assert.Contains("A.cs (Beta)", cycle, StringComparison.Ordinal);
            Assert.Contains(("Demo.C", "Demo.A"), graph.Edges.Keys);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private void Print(ImportGraph graph)
    {
        foreach (var ((from, to), uses) in graph.Edges.OrderBy(edge => edge.Key.From, StringComparer.Ordinal).ThenBy(edge => edge.Key.To, StringComparer.Ordinal))
        {
            output.WriteLine($"{from} → {to} ({uses.Count} uses)");
        }
    }
}
