namespace CrmSdkGen.Benchmarks;

/// <summary>Finds the repository's specs/ folder from wherever BenchmarkDotNet runs the benchmark process.</summary>
internal static class SpecsDirectory
{
    public static string Find()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "specs");
                if (File.Exists(Path.Combine(directory.FullName, "CrmSdkGen.sln")) && Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new DirectoryNotFoundException("The repository's specs/ folder was not found.");
    }
}
