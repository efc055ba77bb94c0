using System.Net;
using System.Text.Json.Nodes;

namespace CrmSdkGen.EndToEnd.Tests.Webhooks;

/// <summary>
/// 10,000 HubSpot events in bursts of batched deliveries, 16 in flight, with one event in ten delivered again (in the
/// same delivery, in a later one, or as a whole delivery repeated): each distinct event is stored once and handed to
/// the handler exactly once.
/// </summary>
public sealed class WebhookBurstTests : IDisposable
{
    private const int Events = 10_000;
    private readonly string _folder = Directory.CreateTempSubdirectory("crmsdkgen-webhook-burst").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Ten_thousand_events_with_ten_percent_duplicates_are_each_handled_exactly_once()
    {
        await using var host = await WebhookReceiverHost.StartAsync(Path.Combine(_folder, "inbox.db"));
        var random = new Random(18);
        var distinct = Events - (Events / 10);
        var ids = Enumerable.Range(1, distinct).Select(id => (long)id).ToList();
        ids.AddRange(Enumerable.Range(0, Events - distinct).Select(_ => (long)random.Next(1, distinct + 1)));
        var shuffled = ids.OrderBy(_ => random.Next()).ToList();
        var deliveries = new List<string>();
        for (var start = 0; start < shuffled.Count; start += 25)
        {
            var batch = new JsonArray(shuffled.Skip(start).Take(25).Select(id => (JsonNode)new JsonObject { ["eventId"] = id, ["subscriptionType"] = "contact.propertyChange", ["objectId"] = 9000 + id, ["portalId"] = 42 }).ToArray());
            deliveries.Add(batch.ToJsonString());
        }

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 16 });
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 16).Select(async _ =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < deliveries.Count)
            {
                using var response = await http.SendAsync(host.HubSpot(deliveries[index]));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
        }));

        await WebhookReceiverHost.WaitForAsync(() => host.Handled.Count == distinct, $"{distinct} distinct events are handled");
        await Task.Delay(200);
        Assert.Equal(distinct, host.Handled.Count);
        Assert.All(host.Handled, pair => Assert.Equal(1, pair.Value));
        Assert.Equal(Enumerable.Range(1, distinct).Select(id => "hubspot/" + id).Order(StringComparer.Ordinal), host.Handled.Keys.Order(StringComparer.Ordinal));
    }
}
