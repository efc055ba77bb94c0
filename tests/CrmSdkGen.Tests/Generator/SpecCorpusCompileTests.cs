using CrmSdkGen.Kernel;
using CrmSdkGen.Tests.Support;
using Xunit.Abstractions;

namespace CrmSdkGen.Tests.Generator;

/// <summary>Every spec under specs/ must generate code that compiles with zero errors and zero warnings.</summary>
public sealed class SpecCorpusCompileTests(ITestOutputHelper output)
{
    // Parts of multi-file specs are not specs of their own; they are compiled with the documents that refer to them.
    public static IEnumerable<object[]> Specs() =>
        GeneratedCompilation.CorpusFiles()
            .Where(path => GeneratedCompilation.Corpus.Prepare(new SpecSource(path, File.ReadAllText(path), "A", "B", "C")).Role == SpecRole.Document)
            .Select(path => new object[] { Path.GetRelativePath(GeneratedCompilation.SpecPath(string.Empty), path) });

    [Theory]
    [MemberData(nameof(Specs))]
    public void Generated_code_compiles_without_errors_or_warnings(string spec)
    {
        var result = GeneratedCompilation.Generate(spec);
        var lines = result.Files.Sum(file => file.Content.Count(c => c == '\n'));
        output.WriteLine($"{spec}: {result.Files.Count} files, {lines} lines, {result.Diagnostics.Count} generator diagnostics");
        foreach (var diagnostic in result.Diagnostics)
        {
            output.WriteLine($"  {diagnostic.Id} {diagnostic.Severity} ({diagnostic.Span.StartLine + 1},{diagnostic.Span.StartColumn + 1}): {diagnostic.Message}");
        }

        Assert.DoesNotContain(result.Diagnostics, diagnostic => diagnostic.Severity == Kernel.Severity.Error);
        Assert.NotEmpty(result.Files);

        // A generator warning fails a consumer that treats warnings as errors; vendors' specs must give none.
        // The feature specs show constructs the client passes on as raw values on purpose.
        if (!spec.StartsWith("features", StringComparison.Ordinal))
        {
            var warnings = result.Diagnostics.Where(diagnostic => diagnostic.Severity == Kernel.Severity.Warning).ToList();
            Assert.True(warnings.Count == 0, string.Join(Environment.NewLine, warnings.Take(20).Select(warning => $"{warning.Id}: {warning.Message}")));
        }

        var problems = GeneratedCompilation.Problems(GeneratedCompilation.Compile(result));
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems.Take(20)));
    }
}
