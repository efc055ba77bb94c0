using System.Globalization;
using System.Security;

namespace CrmSdkGen.Benchmarks;

/// <summary>
/// The consumer build of a spec whole against the same spec trimmed by <c>Include</c> metadata to the operations a
/// project uses, both fresh projects on the packed packages, alternating in one run.
/// </summary>
internal static class TrimmedBuildBenchmark
{
    public static int Run(string specRelativePath, string include, int rounds)
    {
        var specs = SpecsDirectory.Find();
        var repository = Path.GetDirectoryName(specs)!;
        var spec = Path.Combine(specs, specRelativePath);
        var work = Directory.CreateTempSubdirectory("crmsdkgen-trimmed-build-").FullName;
        Console.WriteLine($"Working in {work}");
        LocalFeed.Create(repository, work);

        var whole = Project(work, "whole", spec, null);
        var trimmed = Project(work, "trimmed", spec, include);
        ConsumerBuildBenchmark.Exec(whole, "dotnet", "restore");
        ConsumerBuildBenchmark.Exec(trimmed, "dotnet", "restore");

        var wholeTimes = new List<double>();
        var trimmedTimes = new List<double>();
        for (var round = 1; round <= rounds; round++)
        {
            // Alternate which project goes first, so neither always builds on a warmer machine.
            var order = round % 2 == 1 ? new[] { ("whole", whole, wholeTimes), ("trimmed", trimmed, trimmedTimes) } : new[] { ("trimmed", trimmed, trimmedTimes), ("whole", whole, wholeTimes) };
            foreach (var (name, directory, times) in order)
            {
                var seconds = ConsumerBuildBenchmark.TimedBuild(directory);
                times.Add(seconds);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round}: {name} {seconds:F1} s"));
            }
        }

        var wholeMedian = ConsumerBuildBenchmark.Median(wholeTimes);
        var trimmedMedian = ConsumerBuildBenchmark.Median(trimmedTimes);
        Console.WriteLine();
        Console.WriteLine("| spec | Include | whole build | trimmed build | ratio | whole lines | trimmed lines |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {specRelativePath} | `{include}` | {wholeMedian:F1} s ({ConsumerBuildBenchmark.Join(wholeTimes)}) | {trimmedMedian:F1} s ({ConsumerBuildBenchmark.Join(trimmedTimes)}) | {trimmedMedian / wholeMedian:F2} | {Lines(whole):N0} | {Lines(trimmed):N0} |"));
        return 0;
    }

    private static string Project(string work, string name, string spec, string? include)
    {
        var directory = Directory.CreateDirectory(Path.Combine(work, name)).FullName;
        var filter = include is null ? string.Empty : $"<Include>{SecurityElement.Escape(include)}</Include>";
        File.WriteAllText(Path.Combine(directory, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <!-- The generator's own warnings name spec constructs it passes on as raw values (GitHub's oneOf path parameters). -->
                <WarningsNotAsErrors>CSG0004;CSG0006;CSG0007</WarningsNotAsErrors>
                <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
                <RestorePackagesPath>{Path.Combine(work, "packages")}</RestorePackagesPath>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="CrmSdkGen" Version="0.1.0" />
                <PackageReference Include="CrmSdkGen.Runtime" Version="0.1.0" />
                <CrmSdkGenSpec Include="{spec}" Namespace="Bench.Ours" ClientName="BenchClient">{filter}</CrmSdkGenSpec>
              </ItemGroup>
            </Project>
            """);
        return directory;
    }

    private static long Lines(string directory) => ConsumerBuildBenchmark.CountLines(Path.Combine(directory, "obj"), "*.g.cs");
}
