using BenchmarkDotNet.Running;
using CrmSdkGen.Benchmarks;

// "size [specs...]" prints the size of the generated code; anything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "size")
{
    GeneratedSize.Print(args.Length > 1 ? args.Skip(1) : ["large/stripe-2024-04-10.json", "large/twilio-api-v2010.yaml", "crm/hubspot-crm-powerplatform-swagger2.json"]);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(GeneratorBenchmarks).Assembly).Run(args);
