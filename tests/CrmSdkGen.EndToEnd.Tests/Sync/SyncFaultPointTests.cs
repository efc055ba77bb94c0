using System.Text.Json.Nodes;
using CrmSdkGen.EndToEnd.Tests.HubSpot;
using CrmSdkGen.Runtime.Sync;
using Quickstart;
using Xunit.Abstractions;

namespace CrmSdkGen.EndToEnd.Tests.Sync;

/// <summary>
/// Fails a sync at every step of every commit of the store (before, between and after the records with their bases and
/// outbox entries, the seen marks and the checkpoint), in every pull mode and during the push, while the CRM keeps
/// changing; a complete sync afterwards must leave the store equal to the CRM with nothing pending, and creates applied once.
/// </summary>
public sealed class SyncFaultPointTests(ITestOutputHelper output)
{
    private const int MaxCommitsPerStep = 24;

    public static TheoryData<string> Modes => new() { "full", "watermark", "deltaToken", "search" };

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task A_sync_failed_at_any_step_of_any_commit_resumes_exactly(string mode)
    {
        await using var context = await ScenarioContext.StartAsync(mode);
        var scenario = context.Scenario;
        var random = new Random(20261201);
        var directory = Directory.CreateTempSubdirectory("crmsdkgen-faults").FullName;
        var faults = new Dictionary<SyncCommitStep, int>();
        var run = 0;
        try
        {
            foreach (var step in Enum.GetValues<SyncCommitStep>())
            {
                for (var at = 1; at <= MaxCommitsPerStep; at++)
                {
                    var path = Path.Combine(directory, $"{step}-{at}.db");
                    using (var store = new SqliteSyncStore(path))
                    {
                        var engine = scenario.Engine(store);
                        await engine.SyncAsync();
                        scenario.ChangeServer(random);
                        await scenario.ChangeLocallyAsync(engine, store, ++run);
                        var reached = 0;
                        store.StepReached = point =>
                        {
                            if (point == step && ++reached == at)
                            {
                                throw new SimulatedCrashException();
                            }
                        };
                        try
                        {
                            await engine.SyncAsync();
                            break;
                        }
                        catch (SimulatedCrashException)
                        {
                            faults[step] = faults.GetValueOrDefault(step) + 1;
                        }
                    }

                    scenario.ChangeServer(random);
                    using var reopened = new SqliteSyncStore(path);
                    var resumed = await scenario.Engine(reopened).SyncAsync();
                    Assert.Empty(resumed.Failures);
                    Assert.Empty(await reopened.GetPendingAsync());
                    await scenario.AssertStoreEqualsServer(reopened);
                }
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }

        output.WriteLine($"{mode}: syncs failed and resumed exactly, by step: {string.Join(", ", faults.Select(pair => $"{pair.Key} {pair.Value}"))}");
        Assert.All(Enum.GetValues<SyncCommitStep>(), step => Assert.True(faults.GetValueOrDefault(step) >= 2, $"The step {step} failed {faults.GetValueOrDefault(step)} times."));
        await context.AssertCreatedOnceAsync();
    }

    private sealed class SimulatedCrashException : Exception;

    /// <summary>The server of a mode and its scenario.</summary>
    private sealed class ScenarioContext : IAsyncDisposable
    {
        private SyncHarness? _acme;
        private HubSpotSyncHarness? _hubSpot;

        public SyncFaultScenario Scenario { get; private set; } = null!;

        public static async Task<ScenarioContext> StartAsync(string mode)
        {
            var context = new ScenarioContext();
            if (mode == "search")
            {
                var harness = context._hubSpot = await HubSpotSyncHarness.StartAsync();
                var ids = harness.Seed(30);
                context.Scenario = new SyncFaultScenario(
                    mode,
                    store => new SyncEngine(new Acme.Objects.ContactsSyncAdapter(harness.Client, options => { options.PageSize = 5; options.Search!.PageSize = 4; options.BatchSize = 3; }), store, new SyncOptions { Overlap = TimeSpan.Zero }),
                    random =>
                    {
                        ids.AddRange(harness.Seed(1, "run" + random.Next()));
                        harness.Server.Contacts.Update(ids[random.Next(ids.Count)], new Dictionary<string, string?> { ["lastname"] = "Edited " + random.Next(1000) });
                        harness.Server.Contacts.Update(ids[random.Next(ids.Count)], new Dictionary<string, string?> { ["lastname"] = "Edited " + random.Next(1000) });
                        harness.Server.Contacts.Archive(ids[random.Next(ids.Count)]);
                    },
                    async store => await AssertEqual(store, harness.Server.Contacts.Snapshot()),
                    CreatesLocally: false);
                return context;
            }

            var acme = context._acme = await SyncHarness.StartAsync();
            var keys = acme.Seed(30);
            Func<SyncAdapter> adapter = mode switch
            {
                "full" => () => new Acme.Crm.ContactsSyncAdapter(acme.Client, options => { options.PullMode = SyncPullMode.Full; options.PageSize = 5; options.BatchSize = 3; }),
                "watermark" => () => new Acme.Crm.ContactsSyncAdapter(acme.Client, options => { options.PageSize = 5; options.BatchSize = 3; }),
                _ => () => new DeltaContactsAdapter(acme.Http, SyncHarness.ApiKey),
            };
            context.Scenario = new SyncFaultScenario(
                mode,
                store => new SyncEngine(adapter(), store, new SyncOptions { Overlap = TimeSpan.Zero }),
                random =>
                {
                    keys.AddRange(acme.Seed(1, "run" + random.Next()));
                    acme.Server.Contacts.Update(keys[random.Next(keys.Count)], new JsonObject { ["lastName"] = "Edited " + random.Next(1000) });
                    acme.Server.Contacts.Update(keys[random.Next(keys.Count)], new JsonObject { ["lastName"] = "Edited " + random.Next(1000) });
                    acme.Server.Contacts.Archive(keys[random.Next(keys.Count)]);
                },
                store => SyncHarness.AssertStoreEqualsServer(store, acme.Server),
                CreatesLocally: true);
            return context;
        }

        /// <summary>Each locally created contact exists in the CRM exactly once.</summary>
        public Task AssertCreatedOnceAsync()
        {
            if (_acme is { } acme)
            {
                var emails = acme.Server.Contacts.Snapshot().Values.Select(contact => (string?)contact["email"]).Where(email => email!.StartsWith("local-", StringComparison.Ordinal)).ToList();
                Assert.NotEmpty(emails);
                Assert.Equal(emails.Count, emails.Distinct(StringComparer.Ordinal).Count());
            }

            return Task.CompletedTask;
        }

        public async ValueTask DisposeAsync()
        {
            if (_acme is not null)
            {
                await _acme.DisposeAsync();
            }

            if (_hubSpot is not null)
            {
                await _hubSpot.DisposeAsync();
            }
        }

        private static async Task AssertEqual(ISyncStore store, Dictionary<string, JsonObject> remote)
        {
            var local = await store.GetAllAsync();
            Assert.Equal(remote.Keys.Order(StringComparer.Ordinal), local.Keys.Order(StringComparer.Ordinal));
            foreach (var (id, record) in remote)
            {
                using var expected = System.Text.Json.JsonDocument.Parse(record.ToJsonString());
                Assert.True(CrmSdkGen.Runtime.Diff.JsonEquality.AreEqual(expected.RootElement, local[id]), $"Record {id} differs: local {local[id].GetRawText()}, CRM {record.ToJsonString()}");
            }
        }
    }
}
