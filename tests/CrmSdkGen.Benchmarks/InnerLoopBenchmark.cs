using System.Diagnostics;
using System.Globalization;

namespace CrmSdkGen.Benchmarks;

/// <summary>
/// The inner loop: how long an app takes to build again after an edit of its own code, with the spec in the app's
/// project against the spec in a class library the app references. Both layouts use the packed packages, are built
/// once, then rebuilt after each edit of Program.cs, alternating which goes first.
/// </summary>
internal static class InnerLoopBenchmark
{
    public static int Run(string spec, int rounds)
    {
        var specs = SpecsDirectory.Find();
        var repository = Path.GetDirectoryName(specs)!;
        var specPath = Path.IsPathRooted(spec) ? spec : Path.Combine(specs, spec);
        var work = Directory.CreateTempSubdirectory("crmsdkgen-inner-loop-").FullName;
        Console.WriteLine($"Working in {work}");
        LocalFeed.Create(repository, work);
        var packages = Path.Combine(work, "packages");
        var specItem = $"""<CrmSdkGenSpec Include="{specPath}" Namespace="Bench.Crm" ClientName="BenchClient" />""";
        string Project(string outputType, string items) => $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>{outputType}</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <RestorePackagesPath>{packages}</RestorePackagesPath>
              </PropertyGroup>
              <ItemGroup>
                {items}
              </ItemGroup>
            </Project>
            """;
        const string References = """<PackageReference Include="CrmSdkGen" Version="0.1.0" /><PackageReference Include="CrmSdkGen.Runtime" Version="0.1.0" />""";

        var inApp = Path.Combine(work, "in-app");
        Write(inApp, "App.csproj", Project("Exe", References + specItem));
        var library = Path.Combine(work, "library", "Sdk");
        Write(library, "Sdk.csproj", Project("Library", References + specItem));
        var split = Path.Combine(work, "library", "App");
        Write(split, "App.csproj", Project("Exe", """<ProjectReference Include="../Sdk/Sdk.csproj" />"""));
        foreach (var app in new[] { inApp, split })
        {
            Write(app, "Program.cs", "System.Console.WriteLine(typeof(Bench.Crm.BenchClient).Name);\n");
            ConsumerBuildBenchmark.Exec(app, "dotnet", "build -c Release -nologo -v q");
        }

        var times = new Dictionary<string, List<double>> { [inApp] = new(), [split] = new() };
        for (var round = 1; round <= rounds; round++)
        {
            var order = round % 2 == 1 ? new[] { inApp, split } : new[] { split, inApp };
            foreach (var app in order)
            {
                File.AppendAllText(Path.Combine(app, "Program.cs"), $"// edit {round}\n");
                var stopwatch = Stopwatch.StartNew();
                ConsumerBuildBenchmark.Exec(app, "dotnet", "build --no-restore -c Release -nologo -v q");
                times[app].Add(stopwatch.Elapsed.TotalSeconds);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round}: {(app == inApp ? "spec in the app" : "spec in a library")} {stopwatch.Elapsed.TotalSeconds:F1} s"));
            }
        }

        Console.WriteLine();
        Console.WriteLine("| spec | rebuild after an edit, spec in the app | spec in a class library | ratio |");
        Console.WriteLine("|---|---:|---:|---:|");
        var (appMedian, libraryMedian) = (ConsumerBuildBenchmark.Median(times[inApp]), ConsumerBuildBenchmark.Median(times[split]));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {Path.GetFileName(specPath)} | {appMedian:F1} s ({ConsumerBuildBenchmark.Join(times[inApp])}) | {libraryMedian:F1} s ({ConsumerBuildBenchmark.Join(times[split])}) | {libraryMedian / appMedian:F2} |"));
        return 0;
    }

    private static void Write(string directory, string name, string text)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, name), text);
    }
}
