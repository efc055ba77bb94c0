using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Acme.Accounts;
using CrmSdkGen.Runtime.Auth;
using CrmSdkGen.Runtime.Sync;
using CrmSdkGen.Sync.PostgreSql;
using CrmSdkGen.Sync.PostgreSql.Fleet;
using CrmSdkGen.Sync.Sqlite;
using CrmSdkGen.Testing.PostgreSql;
using FleetSample;
using Npgsql;

namespace CrmSdkGen.Benchmarks;

/// <summary>
/// Fleet throughput against the multi-account local CRM with 20 ms per page, as latency-bound as real CRMs: the first
/// sync of every account's contacts and companies by 1, 2 and 4 workers (in this process, each with its own leases),
/// alternating the order per round; then one worker's stores compared, the PostgreSQL store against SQLite, with and
/// without the page latency. Each measurement starts from an empty database or file.
/// </summary>
internal static class FleetBenchmark
{
    private const int Accounts = 16;
    private const int Contacts = 300;
    private const int Companies = 100;
    private const int PageSize = 20;

    public static async Task RunAsync(int rounds)
    {
        await using var postgres = await TemporaryPostgreSqlServer.StartAsync();
        await using var crm = await AccountsCrm.StartAsync();
        var keys = Seed(crm);
        const int records = Accounts * (Contacts + Companies);
        Console.WriteLine($"{Accounts} accounts x (contacts {Contacts} + companies {Companies}) = {records} records, pages of {PageSize}");
        Console.WriteLine("| measurement | workers | seconds | records per second |");
        Console.WriteLine("|---|---:|---:|---:|");
        crm.PageDelay = TimeSpan.FromMilliseconds(20);
        var rates = new Dictionary<int, List<double>> { [1] = [], [2] = [], [4] = [] };
        for (var round = 0; round < rounds; round++)
        {
            foreach (var workers in round % 2 == 0 ? new[] { 1, 2, 4 } : [4, 2, 1])
            {
                var seconds = await FleetRunAsync(postgres, crm, keys, workers);
                rates[workers].Add(records / seconds);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| fleet, 20 ms per page | {workers} | {seconds:F2} | {records / seconds:F0} |"));
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| fleet, 4 workers / 1 worker, means of {rounds} | | | {rates[4].Average() / rates[1].Average():F2}x |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| fleet, 2 workers / 1 worker, means of {rounds} | | | {rates[2].Average() / rates[1].Average():F2}x |"));
        foreach (var delay in new[] { 20, 0 })
        {
            crm.PageDelay = TimeSpan.FromMilliseconds(delay);
            var byStore = new Dictionary<string, List<double>> { ["PostgreSQL"] = [], ["SQLite"] = [] };
            for (var round = 0; round < rounds; round++)
            {
                foreach (var store in round % 2 == 0 ? new[] { "PostgreSQL", "SQLite" } : ["SQLite", "PostgreSQL"])
                {
                    var seconds = await OneWorkerAsync(postgres, crm, keys, store);
                    byStore[store].Add(records / seconds);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| one worker, {store} store, {delay} ms per page | 1 | {seconds:F2} | {records / seconds:F0} |"));
                }
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| PostgreSQL / SQLite, {delay} ms per page, means of {rounds} | | | {byStore["PostgreSQL"].Average() / byStore["SQLite"].Average():F2}x |"));
        }
    }

    private static Dictionary<string, string> Seed(AccountsCrm crm)
    {
        var keys = new Dictionary<string, string>();
        for (var index = 0; index < Accounts; index++)
        {
            var name = $"account-{index:00}";
            keys[name] = "key-" + Guid.NewGuid().ToString("N");
            var account = crm.AddAccount(name, keys[name], int.MaxValue, TimeSpan.FromSeconds(1));
            for (var record = 0; record < Contacts; record++)
            {
                account.Contacts.Create(new JsonObject { ["email"] = $"c{record}@{name}.example", ["name"] = $"Contact {record}", ["phone"] = "+1 555 0100" });
            }

            for (var record = 0; record < Companies; record++)
            {
                account.Companies.Create(new JsonObject { ["name"] = $"Company {record}", ["domain"] = $"co{record}.{name}.example", ["employees"] = record });
            }
        }

        return keys;
    }

    private static async Task<double> FleetRunAsync(TemporaryPostgreSqlServer postgres, AccountsCrm crm, Dictionary<string, string> keys, int count)
    {
        await using var database = NpgsqlDataSource.Create(await postgres.CreateDatabaseAsync());
        var admin = new FleetAdmin(database);
        foreach (var account in keys.Keys)
        {
            await admin.AddAccountAsync(account);
            foreach (var resource in FleetResources.Names)
            {
                await admin.AddJobAsync(account, resource, TimeSpan.FromHours(1));
            }
        }

        var credentials = new Keys(keys);
        var workers = Enumerable.Range(0, count).Select(_ =>
        {
            var options = new FleetOptions { Credentials = credentials, BaseAddress = _ => crm.BaseAddress, PollInterval = TimeSpan.FromMilliseconds(20) };
            options.AddResource("contacts", job => new ContactsSyncAdapter(Client(job.Http, job.Credential), adapter => adapter.PageSize = PageSize));
            options.AddResource("companies", job => new CompaniesSyncAdapter(Client(job.Http, job.Credential), adapter => adapter.PageSize = PageSize));
            return new FleetWorker(database, options);
        }).ToList();
        using var stop = new CancellationTokenSource();
        var clock = Stopwatch.StartNew();
        var running = workers.Select(worker => Task.Run(() => worker.RunAsync(stop.Token))).ToList();
        while ((await admin.GetJobsAsync()).Any(job => job.LastSuccess is null))
        {
            await Task.Delay(10);
        }

        var seconds = clock.Elapsed.TotalSeconds;
        stop.Cancel();
        await Task.WhenAll(running);
        workers.ForEach(worker => worker.Dispose());
        return seconds;
    }

    private static async Task<double> OneWorkerAsync(TemporaryPostgreSqlServer postgres, AccountsCrm crm, Dictionary<string, string> keys, string kind)
    {
        await using var database = NpgsqlDataSource.Create(await postgres.CreateDatabaseAsync());
        await PostgreSqlSchema.MigrateAsync(database);
        var folder = Directory.CreateTempSubdirectory("fleet-bench").FullName;
        using var http = new HttpClient { BaseAddress = crm.BaseAddress };
        var clock = Stopwatch.StartNew();
        foreach (var (account, key) in keys)
        {
            var client = Client(http, new ApiKeyCredential(key));
            foreach (var resource in FleetResources.Names)
            {
                SyncAdapter adapter = resource == "contacts"
                    ? new ContactsSyncAdapter(client, options => options.PageSize = PageSize)
                    : new CompaniesSyncAdapter(client, options => options.PageSize = PageSize);
                if (kind == "SQLite")
                {
                    using var store = new SqliteSyncStore(Path.Combine(folder, account + ".db"), resource);
                    await new SyncEngine(adapter, store).SyncAsync();
                }
                else
                {
                    await new SyncEngine(adapter, new PostgreSqlSyncStore(database, account, resource)).SyncAsync();
                }
            }
        }

        var seconds = clock.Elapsed.TotalSeconds;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
        return seconds;
    }

    private static AccountsClient Client(HttpClient http, ApiCredential credential) => new(http, new AccountsClientOptions { ApiKey = (ApiKeyCredential)credential });

    private sealed class Keys(Dictionary<string, string> keys) : IFleetCredentialProvider
    {
        public ValueTask<ApiCredential> GetCredentialAsync(string account, CancellationToken cancellationToken) => ValueTask.FromResult<ApiCredential>(new ApiKeyCredential(keys[account]));
    }
}
