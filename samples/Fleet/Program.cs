using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CrmSdkGen.Runtime.Sync;
using CrmSdkGen.Sync.PostgreSql;
using CrmSdkGen.Sync.PostgreSql.Fleet;
using CrmSdkGen.Testing.PostgreSql;
using FleetSample;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

// dotnet run --project samples/Fleet                      the whole fleet on this machine (docs/fleet.md)
// dotnet run --project samples/Fleet -- worker <PostgreSQL connection string> <CRM base address> <keys file> [lease ms] [poll ms]
if (args.Length >= 4 && args[0] == "worker")
{
    var leaseDuration = TimeSpan.FromMilliseconds(args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 30_000);
    var pollInterval = TimeSpan.FromMilliseconds(args.Length > 5 ? int.Parse(args[5], CultureInfo.InvariantCulture) : 1_000);
    var builder = Host.CreateApplicationBuilder();
    builder.Logging.ClearProviders();
    builder.Logging.AddSimpleConsole(console => console.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
    builder.Services.AddCrmSyncFleet(
        options =>
        {
            options.Credentials = new KeyFileCredentials(args[3]);
            options.BaseAddress = _ => new Uri(args[2]);
            options.LeaseDuration = leaseDuration;
            options.PollInterval = pollInterval;
            options.BaseBackoff = TimeSpan.FromSeconds(1);
            options.AddAccountsCrm();
        },
        args[1]);
    Console.WriteLine("worker ready");
    await builder.Build().RunAsync();
    return 0;
}

Console.WriteLine("Starting a private PostgreSQL cluster and a CRM with 6 accounts...");
await using var postgres = await TemporaryPostgreSqlServer.StartAsync();
await using var crm = await AccountsCrm.StartAsync();
crm.PageDelay = TimeSpan.FromMilliseconds(20);
var keys = new Dictionary<string, string>();
for (var index = 1; index <= 6; index++)
{
    var name = $"portal-{index}";
    keys[name] = "key-" + Guid.NewGuid().ToString("N");
    var account = crm.AddAccount(name, keys[name], limit: 20, TimeSpan.FromSeconds(2));
    for (var record = 0; record < 40; record++)
    {
        account.Contacts.Create(new JsonObject { ["email"] = $"c{record}@{name}.example", ["name"] = $"Contact {record}" });
    }

    for (var record = 0; record < 15; record++)
    {
        account.Companies.Create(new JsonObject { ["name"] = $"Company {record}", ["domain"] = $"co{record}.{name}.example" });
    }
}

var keysFile = Path.Combine(Path.GetTempPath(), $"fleet-keys-{Environment.ProcessId}.json");
await File.WriteAllTextAsync(keysFile, JsonSerializer.Serialize(keys));
await using var dataSource = NpgsqlDataSource.Create(postgres.ConnectionString);
var admin = new FleetAdmin(dataSource);
foreach (var name in keys.Keys)
{
    // The CRM's own limit: the fleet keeps every account under it, whichever worker runs its jobs.
    await admin.AddAccountAsync(name, new FleetRateBudget(20, TimeSpan.FromSeconds(2)));
    foreach (var resource in FleetResources.Names)
    {
        await admin.AddJobAsync(name, resource, interval: TimeSpan.FromSeconds(3), jitter: TimeSpan.FromSeconds(1));
    }
}

// A contact created in the application, before any sync: the fleet pushes it to the CRM once.
var engine = new SyncEngine(new Acme.Accounts.ContactsSyncAdapter(new Acme.Accounts.AccountsClient(new HttpClient())), new PostgreSqlSyncStore(dataSource, "portal-1", "contacts"));
await engine.CreateLocalAsync(JsonDocument.Parse("""{"email":"created-locally@portal-1.example","name":"Made here"}""").RootElement);

var workers = Enumerable.Range(0, 3).Select(_ => StartWorker(postgres.ConnectionString, crm.BaseAddress, keysFile)).ToList();
Console.WriteLine($"3 workers started (processes {string.Join(", ", workers.Select(worker => worker.Id))}).");
var converged = await WaitForStoresAsync("every store equals its account's CRM data");
crm.Account("portal-2").Contacts.Update("1", new JsonObject { ["name"] = "Renamed in the CRM" });
workers[0].Kill();
Console.WriteLine("Changed a contact in the CRM and killed a worker; the others take over its accounts when its lease expires.");
converged &= await WaitForStoresAsync("the change reached the store");

foreach (var job in await admin.GetJobsAsync())
{
    Console.WriteLine($"{job.Account,-9} {job.Resource,-10} runs {job.Runs,3}  failures {job.Failures}  last success {job.LastSuccess:HH:mm:ss}");
}

foreach (var account in crm.Accounts.OrderBy(account => account.Name))
{
    Console.WriteLine($"{account.Name}: {account.Window.Requests} requests, at most {account.Window.MostInWindow} in {account.Window.Window.TotalSeconds:0} s (limit {account.Window.Limit}), {account.Window.OverLimit} over the limit");
}

foreach (var worker in workers)
{
    if (!worker.HasExited)
    {
        worker.Kill();
    }

    await worker.WaitForExitAsync();
}

File.Delete(keysFile);
return converged ? 0 : 1;

async Task<bool> WaitForStoresAsync(string what)
{
    var clock = Stopwatch.StartNew();
    while (clock.Elapsed < TimeSpan.FromMinutes(2))
    {
        var differences = await StoreComparison.DifferencesAsync(dataSource, crm);
        if (differences.Count == 0)
        {
            Console.WriteLine($"After {clock.Elapsed.TotalSeconds:0.0} s, {what}.");
            return true;
        }

        await Task.Delay(500);
    }

    Console.WriteLine($"The stores did not converge: {string.Join("; ", (await StoreComparison.DifferencesAsync(dataSource, crm)).Take(5))}");
    return false;
}

static Process StartWorker(string connectionString, Uri crmAddress, string keysFile)
{
    var start = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false };
    if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
    {
        start.ArgumentList.Add(typeof(FleetResources).Assembly.Location);
    }

    foreach (var argument in new[] { "worker", connectionString, crmAddress.ToString(), keysFile, "3000", "250" })
    {
        start.ArgumentList.Add(argument);
    }

    return Process.Start(start)!;
}
