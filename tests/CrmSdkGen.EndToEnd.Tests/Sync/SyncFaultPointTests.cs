using System.Text.Json.Nodes;
using CrmSdkGen.EndToEnd.Tests.HubSpot;
using CrmSdkGen.Runtime.Sync;
using CrmSdkGen.Sync.Sqlite;
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
        await using var context = await SyncModeServer.StartAsync(mode);
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
}
