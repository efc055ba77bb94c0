using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using CrmSdkGen.EndToEnd.Tests.HubSpot;
using CrmSdkGen.Runtime.Sync;
using CrmSdkGen.Webhooks.Refreshing;

namespace CrmSdkGen.EndToEnd.Tests.Webhooks;

/// <summary>
/// HubSpot record events, delivered to the receiver on Kestrel, refresh exactly the records they name in the SQLite
/// store through the sync engine, with the HubSpot-shaped CRM on 127.0.0.1 as the source of truth: creations,
/// changes, deletions and merges, in batches, twice and out of order, leave the store equal to the CRM without a listing.
/// </summary>
public sealed class WebhookSyncRefreshTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("crmsdkgen-webhook-sync").FullName;
    private readonly HttpClient _http = new();
    private long _eventId = 1000;

    public void Dispose()
    {
        _http.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Batched_duplicated_and_reordered_record_events_make_the_store_follow_the_CRM_without_listing_it()
    {
        await using var crm = await HubSpotSyncHarness.StartAsync();
        var ids = crm.Seed(12);
        var engine = crm.Engine();
        await engine.PullAsync();
        await using var receiver = await ReceiverAsync(engine);
        crm.Server.ResetCounts();

        crm.Server.Contacts.Update(ids[0], new Dictionary<string, string?> { ["firstname"] = "first change" });
        var changeEvent = Event("contact.propertyChange", ids[0]);
        crm.Server.Contacts.Update(ids[0], new Dictionary<string, string?> { ["firstname"] = "second change" });
        var laterChangeEvent = Event("contact.propertyChange", ids[0]);
        var created = long.Parse((string)crm.Server.Contacts.Create(new Dictionary<string, string?> { ["email"] = "new@example.com" })["id"]!, CultureInfo.InvariantCulture);
        crm.Server.Contacts.Archive(ids[1]);
        crm.Server.Contacts.Archive(ids[3]);
        crm.Server.Contacts.Update(ids[2], new Dictionary<string, string?> { ["lastname"] = "merged" });

        // The later event first, the earlier one after it, and the whole batch delivered twice.
        string[] batch = [laterChangeEvent, Event("contact.creation", created), Event("contact.deletion", ids[1]), changeEvent, Merge(ids[2], ids[3])];
        Assert.Equal(HttpStatusCode.OK, (await _http.SendAsync(receiver.HubSpot("[" + string.Join(",", batch) + "]"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _http.SendAsync(receiver.HubSpot("[" + string.Join(",", batch.Reverse()) + "]"))).StatusCode);

        await WaitUntilStoreEqualsServerAsync(crm);
        Assert.Equal(0, crm.Server.Count("GET contacts") + crm.Server.Count("POST contacts/search"));
        Assert.InRange(crm.Server.Count("GET contacts/id"), 5, 10);
    }

    [Fact]
    public async Task Events_for_types_without_an_engine_are_handled_and_read_nothing()
    {
        await using var crm = await HubSpotSyncHarness.StartAsync();
        var engine = crm.Engine();
        await engine.PullAsync();
        await using var receiver = await ReceiverAsync(engine);
        crm.Server.ResetCounts();
        var deal = Event("deal.propertyChange", 77);

        Assert.Equal(HttpStatusCode.OK, (await _http.SendAsync(receiver.HubSpot("[" + deal + "]"))).StatusCode);

        await WebhookReceiverHost.WaitForAsync(() => receiver.Handled.Count == 1, "the deal event is handled");
        Assert.Equal(0, crm.Server.Count("GET contacts/id"));
    }

    [Fact]
    public async Task A_CRM_that_fails_the_reads_leaves_the_events_pending_until_a_retry_succeeds()
    {
        await using var crm = await HubSpotSyncHarness.StartAsync();
        var ids = crm.Seed(2);
        var engine = crm.Engine();
        await engine.PullAsync();
        await using var receiver = await ReceiverAsync(engine, maxAttempts: 50);
        crm.Server.RefuseReads = true;
        crm.Server.Contacts.Update(ids[0], new Dictionary<string, string?> { ["firstname"] = "changed while the CRM refused reads" });

        Assert.Equal(HttpStatusCode.OK, (await _http.SendAsync(receiver.HubSpot("[" + Event("contact.propertyChange", ids[0]) + "]"))).StatusCode);
        await WebhookReceiverHost.WaitForAsync(() => crm.Server.Count("GET contacts/id") >= 2, "the refresh is tried twice");
        Assert.Empty(await receiver.Inbox.GetDeadLettersAsync());
        Assert.NotEqual("changed while the CRM refused reads", (await crm.Store.GetAsync(ids[0].ToString(CultureInfo.InvariantCulture)))!.Local!.Value.GetProperty("properties").GetProperty("firstname").GetString());
        crm.Server.RefuseReads = false;

        await WaitUntilStoreEqualsServerAsync(crm);
    }

    private Task<WebhookReceiverHost> ReceiverAsync(SyncEngine contacts, int maxAttempts = 3) =>
        WebhookReceiverHost.StartAsync(
            Path.Combine(_folder, "inbox.db"),
            maxAttempts,
            dispatch: dispatcher => dispatcher.RefreshSync("hubspot", WebhookRecords.HubSpot, new Dictionary<string, SyncEngine> { ["contact"] = contacts }));

    private string Event(string subscriptionType, long objectId) =>
        new JsonObject { ["eventId"] = ++_eventId, ["subscriptionType"] = subscriptionType, ["objectId"] = objectId, ["portalId"] = 42, ["occurredAt"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() }.ToJsonString();

    private string Merge(long primary, long merged) =>
        new JsonObject { ["eventId"] = ++_eventId, ["subscriptionType"] = "contact.merge", ["objectId"] = primary, ["primaryObjectId"] = primary, ["mergedObjectIds"] = new JsonArray(merged), ["portalId"] = 42 }.ToJsonString();

    private static async Task WaitUntilStoreEqualsServerAsync(HubSpotSyncHarness crm)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                await crm.AssertStoreEqualsServer();
                return;
            }
            catch (Xunit.Sdk.XunitException) when (DateTimeOffset.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
        }
    }
}
