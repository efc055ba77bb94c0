using BenchmarkDotNet.Attributes;
using CrmSdkGen.Generation;
using CrmSdkGen.Kernel;

namespace CrmSdkGen.Benchmarks;

/// <summary>The generator's core (read, model, project, render) on real vendor specs, as one compilation runs it.</summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private SpecSource _source = null!;

    [Params("large/stripe-2024-04-10.json", "large/twilio-api-v2010.yaml", "crm/hubspot-crm-powerplatform-swagger2.json")]
    public string Spec { get; set; } = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        var path = Path.Combine(SpecsDirectory.Find(), Spec);
        _source = new SpecSource(path, File.ReadAllText(path), "Bench.Api", "BenchClient", "Bench");
    }

    [Benchmark]
    public int Generate() => SdkGenerator.Generate(_source).Files.Count;
}
