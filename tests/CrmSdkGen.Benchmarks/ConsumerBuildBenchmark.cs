using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace CrmSdkGen.Benchmarks;

/// <summary>
/// The whole consumer build of one spec, as a new user meets it: a fresh project with the packed CrmSdkGen packages
/// (generation and compile in one build) against a project holding NSwag's client for the same spec (NSwag.ConsoleCore,
/// generated beforehand, compile only). Builds alternate between the two, so both see the same machine load.
/// </summary>
internal static partial class ConsumerBuildBenchmark
{
    private const string NswagVersion = "14.7.1";
    private const string NewtonsoftVersion = "13.0.4";

    public static int Run(string specRelativePath, int rounds)
    {
        var specs = SpecsDirectory.Find();
        var repository = Path.GetDirectoryName(specs)!;
        var spec = Path.Combine(specs, specRelativePath);
        var work = Directory.CreateTempSubdirectory("crmsdkgen-consumer-build-").FullName;
        Console.WriteLine($"Working in {work}");

        LocalFeed.Create(repository, work);
        var tools = Path.Combine(work, "tools");
        Exec(work, "dotnet", $"tool install NSwag.ConsoleCore --version {NswagVersion} --tool-path \"{tools}\"");

        var ours = Path.Combine(work, "ours");
        Directory.CreateDirectory(ours);
        File.WriteAllText(Path.Combine(ours, "Ours.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
                <RestorePackagesPath>{Path.Combine(work, "packages")}</RestorePackagesPath>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="CrmSdkGen" Version="0.1.0" />
                <PackageReference Include="CrmSdkGen.Runtime" Version="0.1.0" />
                <CrmSdkGenSpec Include="{spec}" Namespace="Bench.Ours" ClientName="BenchClient" />
              </ItemGroup>
            </Project>
            """);

        var nswag = Path.Combine(work, "nswag");
        Directory.CreateDirectory(nswag);
        var nswagClient = Path.Combine(nswag, "Client.cs");
        Exec(work, Path.Combine(tools, "nswag"), $"openapi2csclient /input:\"{spec}\" /output:\"{nswagClient}\" /namespace:Bench.Nswag");
        File.WriteAllText(Path.Combine(nswag, "Nswag.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Newtonsoft.Json" Version="{NewtonsoftVersion}" />
              </ItemGroup>
            </Project>
            """);

        Exec(ours, "dotnet", "restore");
        Exec(nswag, "dotnet", "restore");
        PatchDuplicateMembers(nswag, nswagClient);

        var oursTimes = new List<double>();
        var nswagTimes = new List<double>();
        for (var round = 1; round <= rounds; round++)
        {
            // Alternate which tool goes first, so neither always builds on a warmer machine.
            var order = round % 2 == 1 ? new[] { ("CrmSdkGen", ours, oursTimes), ("NSwag", nswag, nswagTimes) } : new[] { ("NSwag", nswag, nswagTimes), ("CrmSdkGen", ours, oursTimes) };
            foreach (var (name, directory, times) in order)
            {
                var seconds = TimedBuild(directory);
                times.Add(seconds);
                Console.WriteLine($"round {round}: {name} {seconds:F1} s");
            }
        }

        var oursLines = CountLines(Path.Combine(ours, "obj"), "*.g.cs");
        var nswagLines = File.ReadLines(nswagClient).LongCount();
        var oursMedian = Median(oursTimes);
        var nswagMedian = Median(nswagTimes);
        Console.WriteLine();
        Console.WriteLine("| spec | CrmSdkGen build (generation + compile) | NSwag build (compile only) | ratio | CrmSdkGen lines | NSwag lines |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {specRelativePath} | {oursMedian:F1} s ({Join(oursTimes)}) | {nswagMedian:F1} s ({Join(nswagTimes)}) | {oursMedian / nswagMedian:F2} | {oursLines:N0} | {nswagLines:N0} |"));
        return 0;
    }

    internal static double TimedBuild(string directory)
    {
        var stopwatch = Stopwatch.StartNew();
        Exec(directory, "dotnet", "build --no-restore --no-incremental -c Release -nologo -v q");
        return stopwatch.Elapsed.TotalSeconds;
    }

    /// <summary>NSwag's Stripe client names two enum members alike (CS0102); the second of each pair gets a suffix, as a user patching it would.</summary>
    private static void PatchDuplicateMembers(string directory, string client)
    {
        var output = Exec(directory, "dotnet", "build --no-restore -c Release -nologo -v q", allowFailure: true);
        var lines = File.ReadAllLines(client);
        var patched = 0;
        foreach (Match match in DuplicateMember().Matches(output))
        {
            var line = int.Parse(match.Groups["line"].Value, CultureInfo.InvariantCulture) - 1;
            var name = match.Groups["name"].Value;
            var renamed = Regex.Replace(lines[line], $@"\b{Regex.Escape(name)}\b(?= =)", name + "_Duplicate");
            if (renamed != lines[line])
            {
                lines[line] = renamed;
                patched++;
            }
        }

        File.WriteAllLines(client, lines);
        Console.WriteLine($"NSwag's client: {patched} duplicate members renamed");
    }

    internal static long CountLines(string directory, string pattern) =>
        Directory.GetFiles(directory, pattern, SearchOption.AllDirectories).Sum(file => File.ReadLines(file).LongCount());

    internal static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    internal static string Join(List<double> values) => string.Join(", ", values.Select(value => value.ToString("F1", CultureInfo.InvariantCulture)));

    internal static string Exec(string directory, string fileName, string arguments, bool allowFailure = false)
    {
        var start = new ProcessStartInfo(fileName, arguments) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var all = output + error.Result;
        if (process.ExitCode != 0 && !allowFailure)
        {
            throw new InvalidOperationException($"'{fileName} {arguments}' in {directory} failed with exit code {process.ExitCode}:\n{all}");
        }

        return all;
    }

    [GeneratedRegex(@"\((?<line>\d+),\d+\): error CS0102: The type '[^']+' already contains a definition for '(?<name>\w+)'")]
    private static partial Regex DuplicateMember();
}
