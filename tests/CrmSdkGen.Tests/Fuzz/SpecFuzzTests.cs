using CrmSdkGen.Generation;
using CrmSdkGen.Kernel;
using CrmSdkGen.Tests.Support;
using Xunit.Abstractions;

namespace CrmSdkGen.Tests.Fuzz;

/// <summary>
/// Mutants of the repository's specs never crash, hang or exhaust the generator, and never end in CSG0008. CI runs a
/// fixed budget; <c>CRMSDKGEN_FUZZ_MUTANTS=5000 CRMSDKGEN_FUZZ_SEED=7 dotnet test --filter SpecFuzzTests</c> runs longer.
/// With <c>CRMSDKGEN_FUZZ_DUMP=folder</c> each failing mutant is written there; every failure found is kept under
/// Fuzz/Regressions (or as a test of its own when it is too large to keep) and replayed by <see cref="Regression_cases_generate_without_failing"/>.
/// </summary>
public sealed class SpecFuzzTests(ITestOutputHelper output)
{
    private const string SiblingName = "other.json";

    private static readonly string[] Seeds =
    [
        "features/readme-3.0-petstore.json", "features/readme-3.1-schema-types.json", "features/readme-3.0-polymorphism.json",
        "features/readme-2.0-petstore.json", "features/readme-3.0-schema-circular.json", "features/readme-3.0-security.json",
        "features/readme-3.0-discriminators.json", "features/readme-3.0-parameters-style.json", "acme/acme-crm-contacts.yaml",
        "acme/acme-paging.yaml", "acme/acme-crm-objects-v3.yaml", "multi/zoho-shaped/v8.0/contacts.json",
    ];

    [Fact]
    public void Mutants_of_real_specs_never_fail_the_generator()
    {
        var mutants = int.TryParse(Environment.GetEnvironmentVariable("CRMSDKGEN_FUZZ_MUTANTS"), out var count) ? count : 300;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("CRMSDKGEN_FUZZ_SEED"), out var chosen) ? chosen : 20261201;
        var hugeLength = mutants > 1000 ? 2_000_000 : 100_000;
        var texts = Seeds.Select(path => (Path: path, Text: File.ReadAllText(GeneratedCompilation.SpecPath(path)))).ToList();
        var failures = new List<string>();
        for (var i = 0; i < mutants; i++)
        {
            var random = new Random(seed + i);
            var (path, text) = texts[random.Next(texts.Count)];
            var json = path.EndsWith(".json", StringComparison.Ordinal);
            var mutator = new SpecMutator(random, hugeLength);
            var (kind, mutant) = mutator.Mutate(text, json, SiblingName);

            // Half the mutants come with a mutated sibling that refers back, so cycles run through files.
            var siblings = random.Next(2) == 0 ? [] : new[] { new SpecFile("/fuzz/" + SiblingName, mutator.Mutate(text, json: true, "fuzz.json").Text.Replace("#/components", "fuzz.json#/components", StringComparison.Ordinal)) };
            var source = new SpecSource("/fuzz/fuzz." + (json ? "json" : "yaml"), mutant, "Fuzz.Api", "FuzzClient", "Fuzz") { Siblings = siblings.ToEquatableArray() };
            if (FuzzRun.Problem(source, TimeSpan.FromSeconds(60)) is { } problem)
            {
                failures.Add($"mutant {i} (seed {seed + i}, {kind} of {path}): {problem}");
                if (Environment.GetEnvironmentVariable("CRMSDKGEN_FUZZ_DUMP") is { Length: > 0 } dump)
                {
                    Directory.CreateDirectory(dump);
                    File.WriteAllText(Path.Combine(dump, $"mutant-{seed + i}{Path.GetExtension(source.Path)}"), mutant);
                }
            }
        }

        output.WriteLine($"{mutants} mutants from seed {seed}, {failures.Count} failures");
        Assert.True(failures.Count == 0, string.Join("\n\n", failures.Take(10)));
    }

    [Fact]
    public void A_property_name_of_millions_of_characters_is_left_out_with_a_finding_instead_of_taking_gigabytes()
    {
        var name = new string('N', 3_000_000);
        var spec = "{\"openapi\": \"3.0.3\", \"info\": {\"title\": \"t\", \"version\": \"1\"}, \"paths\": {}, \"components\": {\"schemas\": {\"A\": {\"type\": \"object\", \"properties\": {\""
            + name + "\": {\"type\": \"string\"}, \"id\": {\"type\": \"string\"}}}}}}";
        var source = new SpecSource("/fuzz/long-name.json", spec, "Fuzz.Api", "FuzzClient", "Fuzz");

        var problem = FuzzRun.Problem(source, TimeSpan.FromSeconds(60));
        var result = SdkGenerator.Generate(source);

        Assert.True(problem is null, problem);
        Assert.Contains(result.Diagnostics, diagnostic => diagnostic.Id == DiagnosticIds.LimitExceeded && diagnostic.Span.StartLine == 0);
        Assert.Contains("public string? Id { get", GeneratedCompilation.Text(result));
    }

    public static IEnumerable<object[]> Regressions() =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fuzz", "Regressions")).Order(StringComparer.Ordinal).Select(path => new object[] { Path.GetFileName(path) });

    [Theory]
    [MemberData(nameof(Regressions))]
    public void Regression_cases_generate_without_failing(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fuzz", "Regressions", name);
        var source = new SpecSource("/fuzz/" + name, File.ReadAllText(path), "Fuzz.Api", "FuzzClient", "Fuzz");

        var problem = FuzzRun.Problem(source, TimeSpan.FromSeconds(60));
        Assert.True(problem is null, problem);
    }
}
