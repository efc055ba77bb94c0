using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using CrmSdkGen.Runtime.Diff;
using CrmSdkGen.Runtime.Json;
using CrmSdkGen.Runtime.Sync;
using Xunit;

namespace CrmSdkGen.Testing.Sync;

/// <summary>
/// The crash harness as xUnit tests: a sync in each pull mode, with local edits, creates and deletes to push while the
/// CRM changes too, fails at every step of every commit of the store (<see cref="ISteppedSyncStore"/>), one step and
/// one commit at a time; the store is closed as a killed process would leave it and opened again, and a complete sync
/// must then leave it equal to the CRM, nothing pending, each local create made once. Derive a class in your test
/// project and open your store in <see cref="OpenStore"/>.
/// </summary>
public abstract class SyncStoreCrashTests
{
    private const int MaxCommitsPerStep = 16;

    /// <summary>The pull modes the harness drives.</summary>
    public static TheoryData<SyncPullMode> PullModes => new() { SyncPullMode.Full, SyncPullMode.Watermark, SyncPullMode.Cursor, SyncPullMode.DeltaToken };

    /// <summary>
    /// Opens the store called <paramref name="name"/>; opening a name again after <see cref="CloseStoreAsync"/> must give
    /// back what the closed instance committed (the in-memory store keeps one instance per name).
    /// </summary>
    protected abstract ISteppedSyncStore OpenStore(string name);

    /// <summary>Lets go of a store as a killed process would (nothing flushed on the way out); disposes it by default.</summary>
    protected virtual ValueTask CloseStoreAsync(ISyncStore store) => StoreClosing.CloseAsync(store);

    /// <summary>A sync that fails at any step of any commit resumes without losing or repeating a record.</summary>
    [Theory]
    [MemberData(nameof(PullModes))]
    public async Task A_sync_that_fails_at_any_step_of_any_commit_resumes_without_losing_or_repeating_a_record(SyncPullMode mode)
    {
        var crm = new FakeCrm();
        for (var index = 0; index < 10; index++)
        {
            crm.Create(new JsonObject { ["email"] = $"seed-{index}@example.com", ["name"] = "Seed " + index });
        }

        var random = new Random(20261201);
        var faults = new Dictionary<SyncCommitStep, int>();
        var run = 0;
        foreach (var step in Enum.GetValues<SyncCommitStep>())
        {
            for (var at = 1; at <= MaxCommitsPerStep; at++)
            {
                var name = $"{mode}-{step}-{at}";
                var store = OpenStore(name);
                var engine = Engine(crm, mode, store);
                await engine.SyncAsync();
                crm.ChangeAsOthersWould(random);
                await ChangeLocallyAsync(engine, store, ++run);
                var reached = 0;
                store.StepReached = point =>
                {
                    if (point == step && ++reached == at)
                    {
                        throw new SimulatedCrashException();
                    }
                };
                var crashed = false;
                try
                {
                    await engine.SyncAsync();
                }
                catch (SimulatedCrashException)
                {
                    crashed = true;
                    faults[step] = faults.GetValueOrDefault(step) + 1;
                }

                store.StepReached = null;
                await CloseStoreAsync(store);
                if (!crashed)
                {
                    break;
                }

                crm.ChangeAsOthersWould(random);
                var reopened = OpenStore(name);
                var resumed = await Engine(crm, mode, reopened).SyncAsync();
                Assert.Empty(resumed.Failures);
                Assert.Empty(await reopened.GetPendingAsync());
                await AssertHoldsExactlyAsync(reopened, crm.Live(), $"{mode}, failed at {step} #{at}");
                await CloseStoreAsync(reopened);
            }
        }

        Assert.All(Enum.GetValues<SyncCommitStep>(), step => Assert.True(faults.GetValueOrDefault(step) >= 2, $"The step {step} failed {faults.GetValueOrDefault(step)} times in {mode} syncs."));
        var created = crm.Live().Values.Select(record => (string?)record["email"]).Where(email => email!.StartsWith("local-", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(created);
        Assert.Equal(created.Count, created.Distinct(StringComparer.Ordinal).Count());
    }

    private static SyncEngine Engine(FakeCrm crm, SyncPullMode mode, ISyncStore store) =>
        new(new FakeCrmAdapter(crm, mode), store, new SyncOptions { Overlap = TimeSpan.Zero });

    // Two records edited, one deleted and one created, so that the push has each kind of change to commit.
    private static async Task ChangeLocallyAsync(SyncEngine engine, ISyncStore store, int run)
    {
        var records = await store.GetAllAsync();
        var keys = records.Keys.Where(key => !key.StartsWith("local-", StringComparison.Ordinal)).Order(StringComparer.Ordinal).Skip(run % 4).Take(3).ToList();
        foreach (var key in keys.Take(2))
        {
            var record = JsonNode.Parse(records[key].GetRawText())!.AsObject();
            record["phone"] = "+1 555 " + run;
            await engine.SaveLocalAsync(key, JsonElements.FromNode(record));
        }

        if (keys.Count == 3)
        {
            await engine.DeleteLocalAsync(keys[2]);
        }

        await engine.CreateLocalAsync(JsonElements.FromText($$"""{"email":"local-{{run}}@example.com","name":"Local {{run}}"}"""));
    }

    private static async Task AssertHoldsExactlyAsync(ISyncStore store, IReadOnlyDictionary<string, JsonObject> remote, string when)
    {
        var local = await store.GetAllAsync();
        Assert.True(
            remote.Keys.Order(StringComparer.Ordinal).SequenceEqual(local.Keys.Order(StringComparer.Ordinal)),
            $"{when}: the store holds [{string.Join(", ", local.Keys.Order(StringComparer.Ordinal))}], the CRM [{string.Join(", ", remote.Keys.Order(StringComparer.Ordinal))}].");
        foreach (var (key, record) in remote)
        {
            var expected = JsonElements.FromNode(record);
            Assert.True(JsonEquality.AreSemanticallyEqual(expected, local[key]), $"{when}: record {key} differs: local {local[key].GetRawText()}, CRM {expected.GetRawText()}.");
        }
    }

    private sealed class SimulatedCrashException : Exception;
}
