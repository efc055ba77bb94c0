using Acme.Crm;
using Acme.Crm.Models;
using CrmSdkGen.Runtime.Diff;
using CrmSdkGen.Runtime.Sync;
using CrmSdkGen.Sync.Sqlite;
using CrmSdkGen.Testing.Fakes;

namespace CrmSdkGen.EndToEnd.Tests.Fakes;

/// <summary>The sync engine, the generated adapter and a SQLite store against a stateful fake built from the contacts spec.</summary>
public sealed class FakeApiSyncTests : IDisposable
{
    private readonly string _storePath = Path.Combine(Path.GetTempPath(), $"crmsdkgen-fake-sync-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task The_sync_engine_pulls_pushes_and_ends_with_no_drift_against_the_stateful_fake()
    {
        var fake = FakeApi.Load(FakeApiTests.ContactsSpec, new FakeApiOptions { Stateful = true });
        var crm = FakeApiTests.Client(fake);
        var ids = new List<string>();
        foreach (var name in new[] { "ada", "grace", "alan" })
        {
            ids.Add((await crm.Contacts.CreateContactAsync(new ContactInput { Email = name + "@example.com", FirstName = name })).Id);
        }

        using var store = new SqliteSyncStore(_storePath, "contacts");
        var engine = new SyncEngine(new ContactsSyncAdapter(crm), store, new SyncOptions());
        var first = await engine.SyncAsync();
        Assert.Equal(3, first.Created);

        var grace = (await engine.GetLocalAsync<Contact>(ids[1]))!;
        grace.Phone = "+1 555 0100";
        await engine.SaveLocalAsync(ids[1], grace);
        await engine.CreateLocalAsync(new ContactInput { Email = "margaret@example.com" });
        await engine.DeleteLocalAsync(ids[2]);
        var second = await engine.SyncAsync();

        Assert.Equal((1, 1, 1), (second.PushedCreates, second.PushedUpdates, second.PushedDeletes));
        var remote = fake.Records("/contacts").ToDictionary(record => (string)record["id"]!);
        Assert.Equal("+1 555 0100", (string?)remote[ids[1]]["phone"]);
        Assert.False(remote.ContainsKey(ids[2]));
        Assert.Single(remote.Values, record => (string?)record["email"] == "margaret@example.com");

        var drift = DriftMeter.Compare(await store.GetAllAsync(), remote.ToDictionary(pair => pair.Key, pair => System.Text.Json.JsonDocument.Parse(pair.Value.ToJsonString()).RootElement.Clone()));
        Assert.Equal(0, drift.Overall);
        Assert.Empty(drift.OnlyInLeft);
        Assert.Empty(drift.OnlyInRight);
        Assert.All(fake.Calls, call => Assert.Empty(call.Violations));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_storePath);
    }
}
