using System.Text.Json;
using System.Text.Json.Nodes;
using CrmSdkGen.Runtime.Sync;
using CrmSdkGen.Sync.PostgreSql;
using CrmSdkGen.Sync.PostgreSql.Fleet;
using FleetSample;

namespace CrmSdkGen.Fleet.Tests.Fleet;

/// <summary>
/// The fleet as deployed: 4 worker processes × 50 accounts × 2 resources on one PostgreSQL, workers killed with SIGKILL
/// (and some paused with SIGSTOP past their lease) at random moments while the CRM keeps changing. Afterwards every
/// store equals its account's CRM data, nothing lost or duplicated, every local create made once, and the CRM's own
/// counters show no account over its rate limit. The CRM answers 3% of requests with 503 meanwhile. FLEET_KILLS sets the number of kills (24 by default; more for a soak).
/// </summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class FleetKillTests(PostgreSqlCluster cluster)
{
    private const int Workers = 4;
    private const int Accounts = 50;
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task Workers_killed_and_paused_at_random_while_the_CRM_changes_leave_every_store_equal_to_its_CRM()
    {
        var kills = int.TryParse(Environment.GetEnvironmentVariable("FLEET_KILLS"), out var asked) ? asked : 24;
        await using var bed = await FleetTestBed.StartAsync(cluster);
        var random = new Random(20261202);
        for (var index = 0; index < Accounts; index++)
        {
            await bed.AddAccountAsync($"portal-{index:00}", contacts: 6, companies: 3, limit: 8, window: TimeSpan.FromSeconds(1), budget: new FleetRateBudget(8, TimeSpan.FromSeconds(1)), interval: TimeSpan.FromSeconds(1));
        }

        bed.Crm.UnavailableRate = 0.03;
        var localCreates = await CreateLocallyAsync(bed, Enumerable.Range(0, 10).Select(index => $"portal-{index * 5:00}"));
        var keysFile = Path.Combine(Path.GetTempPath(), $"fleet-keys-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(keysFile, JsonSerializer.Serialize(bed.Crm.Accounts.ToDictionary(account => account.Name, account => bed.KeyOf(account.Name))));
        var connection = bed.Database.ConnectionString;
        var workers = Enumerable.Range(0, Workers).Select(_ => FleetWorkerProcess.Start(connection, bed.Crm.BaseAddress, keysFile, Lease, TimeSpan.FromMilliseconds(100))).ToList();
        try
        {
            using var stopChanging = new CancellationTokenSource();
            var changing = ChangeAsOthersWouldAsync(bed.Crm, new Random(7), stopChanging.Token);
            var pauses = new List<Task>();
            for (var killed = 0; killed < kills;)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(400 + random.Next(1200)));
                var slot = random.Next(Workers);
                if (random.Next(4) == 0)
                {
                    pauses.Add(workers[slot].PauseAsync(Lease * 1.5));
                    continue;
                }

                workers[slot].Kill();
                workers[slot].Dispose();
                workers[slot] = FleetWorkerProcess.Start(connection, bed.Crm.BaseAddress, keysFile, Lease, TimeSpan.FromMilliseconds(100));
                killed++;
            }

            stopChanging.Cancel();
            await changing;
            bed.Crm.UnavailableRate = 0;
            await Task.WhenAll(pauses);

            // The CRM is still now. Every worker is killed once more and fresh ones start, so that each job runs again
            // from start to end (no run begun before the last change can count), and the stores then equal the CRM.
            workers.ForEach(worker => worker.Dispose());
            var still = await DatabaseNowAsync(bed);
            for (var slot = 0; slot < Workers; slot++)
            {
                workers[slot] = FleetWorkerProcess.Start(connection, bed.Crm.BaseAddress, keysFile, Lease, TimeSpan.FromMilliseconds(100));
            }

            await bed.Admin.RunNowAsync();
            await WaitForEveryJobAsync(bed, still, workers);

            var differences = await StoreComparison.DifferencesAsync(bed.Database, bed.Crm);
            Assert.True(differences.Count == 0, $"{differences.Count} differences: {string.Join("; ", differences.Take(10))}");
            foreach (var (account, email) in localCreates)
            {
                // Archived ones included: the CRM's other users may have archived a pushed contact since.
                var (everyContact, _) = bed.Crm.Account(account).Contacts.ListChangedSince(DateTimeOffset.MinValue, null, repeatAfter: false, int.MaxValue);
                Assert.Single(everyContact, contact => (string?)contact["email"] == email);
            }

            var over = bed.Crm.Accounts.Where(account => account.Window.OverLimit > 0).Select(account => $"{account.Name}: {account.Window.OverLimit} over, {account.Window.MostInWindow} in one window").ToList();
            Assert.True(over.Count == 0, string.Join("; ", over));
            Assert.All(bed.Crm.Accounts, account => Assert.True(account.Window.Requests > 0));
            Assert.All(await bed.Admin.GetJobsAsync(), job => Assert.Null(job.FailedReason));
        }
        finally
        {
            workers.ForEach(worker => worker.Dispose());
            File.Delete(keysFile);
        }
    }

    // Contacts created in the application before any sync; the fleet pushes each once, however often it is killed.
    private static async Task<List<(string Account, string Email)>> CreateLocallyAsync(FleetTestBed bed, IEnumerable<string> accounts)
    {
        var created = new List<(string, string)>();
        using var http = new HttpClient();
        foreach (var account in accounts)
        {
            var engine = new SyncEngine(new Acme.Accounts.ContactsSyncAdapter(new Acme.Accounts.AccountsClient(http)), new PostgreSqlSyncStore(bed.Database, account, "contacts"));
            for (var index = 0; index < 2; index++)
            {
                var email = $"local-{index}@{account}.example";
                await engine.CreateLocalAsync(JsonDocument.Parse($$"""{"email":"{{email}}","name":"Made locally"}""").RootElement.Clone());
                created.Add((account, email));
            }
        }

        return created;
    }

    private static async Task ChangeAsOthersWouldAsync(AccountsCrm crm, Random random, CancellationToken stop)
    {
        var accounts = crm.Accounts.ToList();
        while (!stop.IsCancellationRequested)
        {
            var account = accounts[random.Next(accounts.Count)];
            var store = random.Next(2) == 0 ? account.Contacts : account.Companies;
            var live = store.Snapshot().Keys.ToList();
            switch (random.Next(4))
            {
                case 0:
                    store.Create(new JsonObject { ["name"] = "Made in the CRM " + random.Next(), ["email"] = $"crm-{random.Next()}@example.com" });
                    break;
                case 1 when live.Count > 2:
                    store.Archive(live[random.Next(live.Count)]);
                    break;
                default:
                    if (live.Count > 0)
                    {
                        store.Update(live[random.Next(live.Count)], new JsonObject { ["name"] = "Renamed " + random.Next() });
                    }

                    break;
            }

            await Task.Delay(20, CancellationToken.None);
        }
    }

    private static async Task<DateTimeOffset> DatabaseNowAsync(FleetTestBed bed)
    {
        await using var command = bed.Database.CreateCommand("SELECT clock_timestamp();");
        return new DateTimeOffset((DateTime)(await command.ExecuteScalarAsync())!, TimeSpan.Zero);
    }

    private static async Task WaitForEveryJobAsync(FleetTestBed bed, DateTimeOffset since, List<FleetWorkerProcess> workers)
    {
        var deadline = DateTimeOffset.UtcNow.AddMinutes(3);
        IReadOnlyList<FleetJobStatus> jobs;
        do
        {
            await Task.Delay(500);
            jobs = await bed.Admin.GetJobsAsync();
        }
        while (jobs.Any(job => !(job.LastSuccess > since)) && DateTimeOffset.UtcNow < deadline);

        var behind = jobs.Where(job => !(job.LastSuccess > since)).Select(job => $"{job.Account}/{job.Resource} ({job.LastError})").ToList();
        Assert.True(behind.Count == 0, $"{behind.Count} jobs did not run after the CRM stopped changing: {string.Join("; ", behind.Take(5))}; worker errors: {string.Join(" | ", workers.SelectMany(worker => worker.Errors).Take(5))}");
    }
}
