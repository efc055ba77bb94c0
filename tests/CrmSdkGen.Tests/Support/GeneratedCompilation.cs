using CrmSdkGen.Generation;
using CrmSdkGen.Kernel;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CrmSdkGen.Tests.Support;

/// <summary>Generates a client from a spec with the generator's core and compiles it as a consumer would, warnings as errors.</summary>
internal static class GeneratedCompilation
{
    private static readonly Lazy<MetadataReference[]> References = new(() =>
    {
        // Microsoft.Extensions.* come from the ASP.NET Core shared framework when the test project uses it, else from the output folder.
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path).StartsWith("System", StringComparison.Ordinal) || Path.GetFileName(path).StartsWith("Microsoft.Extensions.", StringComparison.Ordinal) || Path.GetFileName(path) is "mscorlib.dll" or "netstandard.dll")
            .ToList();
        var paths = platform
            .Append(typeof(CrmSdkGen.Runtime.ApiClientOptions).Assembly.Location)
            .Concat(Directory.GetFiles(AppContext.BaseDirectory, "*.dll").Where(path => Path.GetFileName(path).StartsWith("Microsoft.Extensions.", StringComparison.Ordinal) || Path.GetFileName(path).StartsWith("Polly", StringComparison.Ordinal)))
            .GroupBy(path => Path.GetFileName(path), StringComparer.OrdinalIgnoreCase)
            .Select(group => group.First());
        return paths.Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)).ToArray();
    });

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.CSharp12, DocumentationMode.Diagnose);

    public static IReadOnlyList<MetadataReference> MetadataReferences => References.Value;

    public static string SpecPath(string relative) => Path.Combine(AppContext.BaseDirectory, "specs", relative);

    /// <summary>Every spec file of the repository, sorted into documents and parts as a project listing them all would be.</summary>
    public static SpecCatalog Corpus => CorpusCatalog.Value;

    private static readonly Lazy<SpecCatalog> CorpusCatalog = new(() => new SpecCatalog(CorpusFiles().Select(path => new SpecFile(path, File.ReadAllText(path))).ToList()));

    /// <summary>The paths of every spec file under specs/, in a stable order.</summary>
    public static IEnumerable<string> CorpusFiles() =>
        Directory.GetFiles(SpecPath(string.Empty), "*.*", SearchOption.AllDirectories)
            .Where(path => path.EndsWith(".json", StringComparison.Ordinal) || path.EndsWith(".yaml", StringComparison.Ordinal) || path.EndsWith(".yml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    /// <summary>
    /// Generates from a spec of specs/, joined with the files its references reach as a project would. Files run the
    /// compiler's nullable analysis (CrmSdkGenNullableWarnings), so every compile of the corpus proves them null-safe.
    /// </summary>
    public static GenerationResult Generate(string relativeSpecPath, string targetNamespace = "Test.Api", string clientName = "TestClient")
    {
        var path = SpecPath(relativeSpecPath);
        var source = new SpecSource(path, File.ReadAllText(path), targetNamespace, clientName, "Test") { NullableWarnings = true };
        return SdkGenerator.Generate(Corpus.Prepare(source));
    }

    /// <summary>Generates from spec text as the harness names it, in namespace Test.Api with client TestClient, nullable analysis on.</summary>
    public static GenerationResult GenerateText(string spec) =>
        SdkGenerator.Generate(new SpecSource(GeneratorHarness.SpecPath, spec, "Test.Api", "TestClient", "Test") { NullableWarnings = true });

    /// <summary>All generated files of a result as one text.</summary>
    public static string Text(GenerationResult result) => string.Join("\n", result.Files.Select(file => file.Content));

    public static CSharpCompilation Compile(GenerationResult result, params string[] extraSources)
    {
        var trees = result.Files.Select(file => CSharpSyntaxTree.ParseText(file.Content, ParseOptions, file.HintName))
            .Concat(extraSources.Select(source => CSharpSyntaxTree.ParseText(source, ParseOptions)));
        return CSharpCompilation.Create(
            "Generated" + Guid.NewGuid().ToString("N"),
            trees,
            MetadataReferences,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, generalDiagnosticOption: ReportDiagnostic.Error,
            specificDiagnosticOptions: new Dictionary<string, ReportDiagnostic>
            {
                // The SDK suppresses these unification notes in every build; they concern the test's reference set, not the code.
                ["CS1701"] = ReportDiagnostic.Suppress,
                ["CS1702"] = ReportDiagnostic.Suppress,
            }));
    }

    /// <summary>Compiles the generated code with <paramref name="probe"/> (which declares <c>public static class Probe</c> with <c>public static string Run()</c>), loads it and returns what Run returns.</summary>
    public static string Run(GenerationResult result, string probe)
    {
        var compilation = Compile(result, probe);
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).Take(10)));
        image.Position = 0;
        var context = new System.Runtime.Loader.AssemblyLoadContext("probe", isCollectible: true);
        try
        {
            var assembly = context.LoadFromStream(image);
            return (string)assembly.GetType("Probe")!.GetMethod("Run")!.Invoke(null, null)!;
        }
        finally
        {
            context.Unload();
        }
    }

    public static IReadOnlyList<Diagnostic> Problems(CSharpCompilation compilation) =>
        compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning || diagnostic.IsWarningAsError).ToList();
}
