using CrmSdkGen.Generation;
using CrmSdkGen.Kernel;

namespace CrmSdkGen.Benchmarks;

/// <summary>Counts what the generator writes for each spec: files, lines, bytes, operations.</summary>
internal static class GeneratedSize
{
    public static void Print(IEnumerable<string> specs)
    {
        Console.WriteLine("| spec | operations | files | lines | bytes | lines per operation | peak working set after generating (MB) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var spec in specs)
        {
            var path = Path.Combine(SpecsDirectory.Find(), spec);
            var model = SdkGenerator.BuildModel(new SpecSource(path, File.ReadAllText(path), "Bench.Api", "BenchClient", "Bench"), CancellationToken.None);
            var result = SdkGenerator.Emit(model, CancellationToken.None);
            var lines = result.Files.Sum(file => file.Content.Count(c => c == '\n'));
            var bytes = result.Files.Sum(file => (long)System.Text.Encoding.UTF8.GetByteCount(file.Content));
            var operations = model.Api?.Operations.Count ?? 0;
            var peak = System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);
            Console.WriteLine($"| {spec} | {operations} | {result.Files.Count} | {lines} | {bytes} | {(operations == 0 ? 0 : lines / operations)} | {peak:F0} |");
        }
    }
}
