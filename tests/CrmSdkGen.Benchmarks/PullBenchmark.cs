using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Acme.Crm;
using CrmSdkGen.Runtime.Auth;
using CrmSdkGen.Runtime.Sync;
using CrmSdkGen.Sync.Sqlite;
using Microsoft.Data.Sqlite;
using Quickstart;

namespace CrmSdkGen.Benchmarks;

/// <summary>
/// A full pull from the local CRM on 127.0.0.1 into a new SQLite file, at growing record counts: the sync engine with
/// the generated adapter against its peer, the same generated client paging into SQLite by hand (INSERT OR REPLACE, one
/// transaction per page). Each pull runs in a child process, so its peak working set is the pull's alone; the server
/// stays in this process.
/// </summary>
internal static class PullBenchmark
{
    private const string ApiKey = "bench-key";
    private const int PageSize = 100;

    public static async Task RunAsync(IReadOnlyList<int> counts)
    {
        Console.WriteLine("| records | pull | seconds | records per second | peak working set (MB) | managed heap after (MB) | allocated (MB) |");
        Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|");
        foreach (var count in counts)
        {
            await using var server = await ContactsServer.StartAsync(ApiKey);
            server.LogRequests = false;
            Seed(server, count);
            await WarmUpAsync(server.BaseAddress);
            await WarmUpAsync(server.BaseAddress);
            await Task.Delay(TimeSpan.FromSeconds(1));

            // The server is warm before the first contender, and the order alternates (ABBAAB), so neither pays for the other.
            var seconds = new Dictionary<string, List<double>> { ["engine"] = [], ["by-hand"] = [] };
            foreach (var kind in new[] { "engine", "by-hand", "by-hand", "engine", "engine", "by-hand" })
            {
                var row = await RunChildAsync(kind, server.BaseAddress, count);
                Console.WriteLine(row);
                if (double.TryParse(row.Split('|', StringSplitOptions.TrimEntries)[3], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                {
                    seconds[kind].Add(value);
                }
            }

            if (seconds["engine"].Count == 3 && seconds["by-hand"].Count == 3)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {count:N0} | engine rate / by-hand rate, means of 3 | {seconds["by-hand"].Average() / seconds["engine"].Average():F2} | | | | |"));
            }

            await IncrementalAsync(server, count);
        }
    }

    // A full listing into a kept store, 1% of the records changed in the CRM, then an incremental pull: requests and seconds of each.
    private static async Task IncrementalAsync(ContactsServer server, int count)
    {
        var path = Path.Combine(Path.GetTempPath(), $"crmsdkgen-incremental-{Guid.NewGuid():N}.db");
        try
        {
            var before = server.RequestCount;
            Console.WriteLine((await RunChildAsync("engine-full", server.BaseAddress, count, path)).Replace("| engine-full |", $"| engine, full listing ({server.RequestCount - before} requests) |", StringComparison.Ordinal));
            server.Contacts.Clock = () => DateTimeOffset.UtcNow;
            var snapshot = server.Contacts.Snapshot().Keys.ToList();
            for (var i = 0; i < count / 100; i++)
            {
                server.Contacts.Update(snapshot[i * 100], new JsonObject { ["lastName"] = "Changed" + i });
            }

            before = server.RequestCount;
            Console.WriteLine((await RunChildAsync("engine-incremental", server.BaseAddress, count / 100, path)).Replace("| engine-incremental |", $"| engine, incremental after 1% changed ({server.RequestCount - before} requests) |", StringComparison.Ordinal));
        }
        finally
        {
            foreach (var file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(path) + "*"))
            {
                File.Delete(file);
            }
        }
    }

    // Every page once, so that the server has compiled and cached what it serves before either contender is timed.
    private static async Task WarmUpAsync(Uri baseAddress)
    {
        using var http = new HttpClient { BaseAddress = baseAddress };
        var client = new AcmeCrmClient(http, new AcmeCrmClientOptions { ApiKey = new ApiKeyCredential(ApiKey) });
        string? after = null;
        do
        {
            after = (await client.Contacts.ListContactsAsync(limit: PageSize, after: after)).Paging?.Next?.After;
        }
        while (after is not null);
    }

    /// <summary>The child: one pull of every record into a new SQLite file; prints one table row.</summary>
    public static async Task<int> PullOnceAsync(string kind, Uri baseAddress, int count, string? keptStore = null)
    {
        var path = keptStore ?? Path.Combine(Path.GetTempPath(), $"crmsdkgen-pull-{Guid.NewGuid():N}.db");
        using var http = new HttpClient { BaseAddress = baseAddress };
        var client = new AcmeCrmClient(http, new AcmeCrmClientOptions { ApiKey = new ApiKeyCredential(ApiKey) });
        var started = Stopwatch.GetTimestamp();
        var pulled = kind == "by-hand" ? await PullByHandAsync(client, path) : await PullWithEngineAsync(client, path, incremental: kind == "engine-incremental");
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        if (pulled != count)
        {
            Console.Error.WriteLine($"pulled {pulled} records, expected {count}");
            return 1;
        }

        var megabytes = 1024.0 * 1024.0;
        GC.Collect();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {count:N0} | {kind} | {seconds:F2} | {count / seconds:N0} | {Process.GetCurrentProcess().PeakWorkingSet64 / megabytes:F0} | {GC.GetTotalMemory(forceFullCollection: true) / megabytes:F1} | {GC.GetTotalAllocatedBytes() / megabytes:N0} |"));
        SqliteConnection.ClearAllPools();
        foreach (var file in keptStore is null ? Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(path) + "*") : [])
        {
            File.Delete(file);
        }

        return 0;
    }

    private static async Task<int> PullWithEngineAsync(AcmeCrmClient client, string path, bool incremental)
    {
        using var store = new SqliteSyncStore(path, "contacts");
        var engine = new SyncEngine(new ContactsSyncAdapter(client, options => options.PageSize = PageSize), store);
        var result = await engine.PullAsync();
        return incremental ? result.Updated : result.Created;
    }

    private static async Task<int> PullByHandAsync(AcmeCrmClient client, string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using (var setup = connection.CreateCommand())
        {
            setup.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; CREATE TABLE contacts (key TEXT PRIMARY KEY, json TEXT NOT NULL);";
            setup.ExecuteNonQuery();
        }

        var pulled = 0;
        string? after = null;
        do
        {
            var page = await client.Contacts.ListContactsAsync(limit: PageSize, after: after);
            using var transaction = connection.BeginTransaction();
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT OR REPLACE INTO contacts (key, json) VALUES ($key, $json);";
            var key = insert.Parameters.Add("$key", SqliteType.Text);
            var json = insert.Parameters.Add("$json", SqliteType.Text);
            foreach (var contact in page.Results)
            {
                key.Value = contact.Id;
                json.Value = CrmSdkGen.Runtime.Json.JsonModel.ToJson(contact);
                insert.ExecuteNonQuery();
                pulled++;
            }

            transaction.Commit();
            after = page.Paging?.Next?.After;
        }
        while (after is not null);

        return pulled;
    }

    // Contacts last changed over the past month, none in the last day, as in a real CRM: the incremental pull that follows
    // the listing (from the newest change, less the overlap) finds only the few changed in its last minutes.
    private static void Seed(ContactsServer server, int count)
    {
        var monthAgo = DateTimeOffset.UtcNow.AddDays(-30);
        var step = TimeSpan.FromDays(29) / count;
        var i = 0;
        server.Contacts.Clock = () => monthAgo + (step * i);
        for (; i < count; i++)
        {
            server.Contacts.Create(new JsonObject
            {
                ["email"] = $"contact{i}@example.com",
                ["firstName"] = "First" + i,
                ["lastName"] = "Last" + i,
                ["phone"] = "+1 555 " + (i % 10000).ToString("D4", CultureInfo.InvariantCulture),
                ["lifecycleStage"] = (i % 3) switch { 0 => "lead", 1 => "customer", _ => "opportunity" },
                ["annualRevenue"] = i * 10.5m,
                ["tags"] = new JsonArray("imported", "batch-" + (i % 7).ToString(CultureInfo.InvariantCulture)),
                ["address"] = new JsonObject { ["city"] = "City " + (i % 100).ToString(CultureInfo.InvariantCulture), ["country"] = "GB" },
            });
        }
    }

    private static async Task<string> RunChildAsync(string kind, Uri baseAddress, int count, string? keptStore = null)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        string[] arguments = [typeof(PullBenchmark).Assembly.Location, "pull-one", kind, baseAddress.ToString(), count.ToString(CultureInfo.InvariantCulture)];
        foreach (var argument in keptStore is null ? arguments : [.. arguments, keptStore])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? output.Trim() : $"| {count:N0} | {kind} | failed with exit code {process.ExitCode} | | | | |";
    }
}
