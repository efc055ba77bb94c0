using CrmSdkGen.Tests.Support;

namespace CrmSdkGen.Tests.Generator;

/// <summary>The generator's exact output for small specs, through the same pipeline the compiler runs.</summary>
public sealed class GoldenSourceTests
{
    [Fact]
    public async Task Models_spec_generates_the_golden_sources()
    {
        var test = new GeneratorHarness(TestSpecs.Models);
        test.ExpectGoldenSources("models", TestSpecs.Models);
        await test.RunAsync();
    }

    [Fact]
    public async Task Operations_spec_generates_the_golden_sources()
    {
        var test = new GeneratorHarness(TestSpecs.Operations);
        test.ExpectGoldenSources("operations", TestSpecs.Operations);
        await test.RunAsync();
    }
}
