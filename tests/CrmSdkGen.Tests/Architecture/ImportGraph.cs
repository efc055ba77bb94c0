using CrmSdkGen.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis;

namespace CrmSdkGen.Tests.Architecture;

/// <summary>
/// Which namespace of a project uses which, read from its sources: every name of a type the project declares, in code
/// and in documentation references, counts for the namespace that declares it (a name declared in several namespaces
/// counts for the one the file is in, imports or sits inside).
/// </summary>
public sealed class ImportGraph
{
    private ImportGraph(Dictionary<(string From, string To), List<string>> edges) => Edges = edges;

    /// <summary>Each use of one namespace by another, with the files and type names that make it.</summary>
    public IReadOnlyDictionary<(string From, string To), List<string>> Edges { get; }

    /// <summary>The namespaces some file of the project declares.</summary>
    public IEnumerable<string> Namespaces => Edges.Keys.SelectMany(edge => new[] { edge.From, edge.To }).Distinct(StringComparer.Ordinal);

    /// <summary>The project's own sources, without what the build writes under bin and obj.</summary>
    public static IEnumerable<string> SourceFiles(string projectFolder) =>
        Directory.GetFiles(projectFolder, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    /// <summary>The namespace a source file declares.</summary>
    public static string NamespaceOf(string text) => NamespaceOf(CSharpSyntaxTree.ParseText(text).GetCompilationUnitRoot());

    /// <summary>The namespaces a source file imports with plain using directives.</summary>
    public static IEnumerable<string> Usings(string text) =>
        CSharpSyntaxTree.ParseText(text).GetCompilationUnitRoot().Usings
            .Where(directive => directive.Alias is null && directive.StaticKeyword == default)
            .Select(directive => directive.Name!.ToString());

    /// <summary>Reads the uses between the namespaces of the project in <paramref name="projectFolder"/>.</summary>
    public static ImportGraph Of(string projectFolder)
    {
        var options = new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Parse);
        var files = SourceFiles(projectFolder)
            .Select(path => (Path: Path.GetRelativePath(projectFolder, path), Root: CSharpSyntaxTree.ParseText(File.ReadAllText(path), options).GetCompilationUnitRoot()))
            .ToList();
        var declaredIn = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (_, root) in files)
        {
            var space = NamespaceOf(root);
            foreach (var type in root.DescendantNodes().OfType<BaseTypeDeclarationSyntax>().Select(type => type.Identifier.Text)
                .Concat(root.DescendantNodes().OfType<DelegateDeclarationSyntax>().Select(type => type.Identifier.Text)))
            {
                (declaredIn.TryGetValue(type, out var spaces) ? spaces : declaredIn[type] = new HashSet<string>(StringComparer.Ordinal)).Add(space);
            }
        }

        var edges = new Dictionary<(string, string), List<string>>();
        foreach (var (path, root) in files)
        {
            var space = NamespaceOf(root);
            var imported = root.Usings.Where(directive => directive.Alias is null && directive.StaticKeyword == default).Select(directive => directive.Name!.ToString()).ToHashSet(StringComparer.Ordinal);
            var names = root.DescendantNodes(descendIntoTrivia: true).OfType<SimpleNameSyntax>().Select(name => name.Identifier.Text).Distinct(StringComparer.Ordinal);
            foreach (var name in names)
            {
                if (!declaredIn.TryGetValue(name, out var spaces) || spaces.Contains(space))
                {
                    continue;
                }

                var candidates = spaces.Count == 1 ? spaces : spaces.Where(candidate => imported.Contains(candidate) || space.StartsWith(candidate + ".", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
                foreach (var target in candidates)
                {
                    var key = (space, target);
                    (edges.TryGetValue(key, out var reasons) ? reasons : edges[key] = new List<string>()).Add($"{path.Replace('\\', '/')} ({name})");
                }
            }
        }

        return new ImportGraph(edges);
    }

    /// <summary>The namespaces that use each other in a circle, each circle once, as "A → B → A" with the uses that make it.</summary>
    public IReadOnlyList<string> Cycles()
    {
        var found = new List<string>();
        var next = Edges.Keys.GroupBy(edge => edge.From).ToDictionary(group => group.Key, group => group.Select(edge => edge.To).Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var start in next.Keys.Order(StringComparer.Ordinal))
        {
            Walk(start, new List<string> { start });
        }

        return found;

        void Walk(string at, List<string> path)
        {
            foreach (var to in next.GetValueOrDefault(at) ?? new List<string>())
            {
                if (to == path[0])
                {
                    var circle = string.Join(" → ", path.Append(to));
                    var canonical = string.Join(",", path.Order(StringComparer.Ordinal));
                    if (seen.Add(canonical))
                    {
                        found.Add(circle + ": " + string.Join("; ", path.Zip(path.Skip(1).Append(to), (from, target) => $"{from} → {target} by {string.Join(", ", Edges[(from, target)].Take(3))}")));
                    }
                }
                else if (!path.Contains(to) && string.CompareOrdinal(to, path[0]) > 0)
                {
                    path.Add(to);
                    Walk(to, path);
                    path.RemoveAt(path.Count - 1);
                }
            }
        }
    }

    private static string NamespaceOf(CompilationUnitSyntax root) =>
        root.DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>().FirstOrDefault()?.Name.ToString() ?? string.Empty;
}
