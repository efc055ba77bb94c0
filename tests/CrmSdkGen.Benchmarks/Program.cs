using BenchmarkDotNet.Running;
using CrmSdkGen.Benchmarks;

// "size [specs...]" prints the size of the generated code; anything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "size")
{
    GeneratedSize.Print(args.Length > 1 ? args.Skip(1) : ["large/stripe-2024-04-10.json", "large/twilio-api-v2010.yaml", "crm/hubspot-crm-powerplatform-swagger2.json"]);
    return;
}

// "consumer-build [spec] [rounds]" times a fresh consumer build against NSwag's client for the same spec.
if (args.Length > 0 && args[0] == "consumer-build")
{
    Environment.ExitCode = ConsumerBuildBenchmark.Run(args.Length > 1 ? args[1] : "large/stripe-2024-04-10.json", args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3);
    return;
}

// "trimmed-build [spec] [include] [rounds]" times the consumer build of a spec whole against the same spec trimmed by Include.
if (args.Length > 0 && args[0] == "trimmed-build")
{
    Environment.ExitCode = TrimmedBuildBenchmark.Run(args.Length > 1 ? args[1] : "large/stripe-2024-04-10.json", args.Length > 2 ? args[2] : "/v1/customers/**", args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 3);
    return;
}

// "inner-loop [spec] [rounds]" times the rebuild after an edit of the app, with the spec in the app or in a class library.
if (args.Length > 0 && args[0] == "inner-loop")
{
    Environment.ExitCode = InnerLoopBenchmark.Run(args.Length > 1 ? args[1] : "large/twilio-api-v2010.yaml", args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3);
    return;
}

// "pull [counts...]" runs the full-pull benchmark; "pull-one" is its child process.
if (args.Length > 0 && args[0] == "pull")
{
    await PullBenchmark.RunAsync(args.Length > 1 ? args.Skip(1).Select(int.Parse).ToList() : [25_000, 50_000, 100_000]);
    return;
}

if (args.Length is 4 or 5 && args[0] == "pull-one")
{
    Environment.ExitCode = await PullBenchmark.PullOnceAsync(args[1], new Uri(args[2]), int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture), args.Length == 5 ? args[4] : null);
    return;
}

// "fleet [rounds]" measures records per second for 1, 2 and 4 fleet workers, and the PostgreSQL store against SQLite.
if (args.Length > 0 && args[0] == "fleet")
{
    await FleetBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 3);
    return;
}

// "webhooks [rounds] [events]" measures events accepted per second by the webhook receiver against a hand-written one.
if (args.Length > 0 && args[0] == "webhooks")
{
    await WebhookBenchmark.RunAsync(
        args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 3,
        args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 20_000);
    await WebhookLatencyBenchmark.RunAsync(100);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(GeneratorBenchmarks).Assembly).Run(args);
