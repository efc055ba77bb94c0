using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Acme.Crm;
using CrmSdkGen.Runtime.Auth;
using CrmSdkGen.Runtime.Sync;
using CrmSdkGen.Sync.Sqlite;
using CrmSdkGen.Webhooks.Dispatching;
using CrmSdkGen.Webhooks.Receiving;
using CrmSdkGen.Webhooks.Refreshing;
using CrmSdkGen.Webhooks.Verification;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quickstart;

namespace CrmSdkGen.Benchmarks;

/// <summary>
/// The time from a change in the CRM (the quick start's CRM on 127.0.0.1, 2,000 contacts) to the changed record in the
/// SQLite store, when the CRM's webhook reaches a receiver on Kestrel: the targeted refresh (RefreshSync, one read of
/// the named record) against its peer, an incremental pull started by the same event. The contenders alternate.
/// </summary>
internal static class WebhookLatencyBenchmark
{
    private const string ApiKey = "bench-key";
    private const string Secret = "latency-client-secret";

    public static async Task RunAsync(int samples)
    {
        await using var crm = await ContactsServer.StartAsync(ApiKey);
        crm.LogRequests = false;
        var ids = Enumerable.Range(0, 2_000).Select(i => (string)crm.Contacts.Create(new JsonObject { ["email"] = $"c{i}@example.com", ["firstName"] = "C" + i })["id"]!).ToList();
        var latencies = new Dictionary<string, List<double>> { ["targeted refresh"] = [], ["pull on event"] = [] };
        var requests = new Dictionary<string, int> { ["targeted refresh"] = 0, ["pull on event"] = 0 };
        foreach (var kind in new[] { "targeted refresh", "pull on event", "pull on event", "targeted refresh" })
        {
            var before = crm.RequestCount;
            latencies[kind].AddRange(await MeasureAsync(kind, crm, ids, samples / 2));
            requests[kind] += crm.RequestCount - before;
        }

        Console.WriteLine("| from a CRM change to the store | samples | median (ms) | 95th percentile (ms) | CRM requests per event (first pull included) |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var (kind, values) in latencies)
        {
            values.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {kind} | {values.Count} | {values[values.Count / 2]:F1} | {values[(int)(values.Count * 0.95)]:F1} | {requests[kind] / (double)values.Count:F1} |"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| pull on event / targeted refresh, medians | | {latencies["pull on event"][samples / 2] / latencies["targeted refresh"][samples / 2]:F2} | | |"));
    }

    private static async Task<List<double>> MeasureAsync(string kind, ContactsServer crm, List<string> ids, int samples)
    {
        var path = Path.Combine(Path.GetTempPath(), $"crmsdkgen-latency-{Guid.NewGuid():N}");
        using var http = new HttpClient { BaseAddress = crm.BaseAddress };
        var client = new AcmeCrmClient(http, new AcmeCrmClientOptions { ApiKey = new ApiKeyCredential(ApiKey) });
        using var store = new SqliteSyncStore(path + ".db", "contacts");
        var engine = new SyncEngine(new ContactsSyncAdapter(client, options => options.PageSize = 100), store);
        await engine.PullAsync();

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddCrmWebhooks(_ => new SqliteWebhookInbox(path + "-inbox.db"), dispatcher =>
        {
            dispatcher.PollInterval = TimeSpan.FromSeconds(5);
            if (kind == "targeted refresh")
            {
                dispatcher.RefreshSync("hubspot", WebhookRecords.HubSpot, new Dictionary<string, SyncEngine> { ["contact"] = engine });
            }
            else
            {
                dispatcher.HandleBatch("hubspot", (_, cancellationToken) => engine.PullAsync(cancellationToken));
            }
        });
        await using var app = builder.Build();
        app.MapCrmWebhooks("/webhooks", hooks => hooks.Add(WebhookSources.HubSpot(new WebhookSecrets(Secret))));
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/webhooks/hubspot");
        using var sender = new HttpClient();
        var latencies = new List<double>();
        var random = new Random(7);
        for (var sample = 0; sample < samples; sample++)
        {
            var id = ids[random.Next(ids.Count)];
            var value = $"{kind} {sample}";
            var started = Stopwatch.GetTimestamp();
            crm.Contacts.Update(id, new JsonObject { ["lastName"] = value });
            await SendAsync(sender, address, $$"""[{"eventId":{{Stopwatch.GetTimestamp()}},"subscriptionType":"contact.propertyChange","objectId":{{id}},"propertyName":"lastName"}]""");
            while (!((await store.GetAsync(id))?.Local is { } local && local.TryGetProperty("lastName", out var stored) && stored.GetString() == value))
            {
                await Task.Delay(1);
            }

            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        await app.StopAsync();
        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(path) + "*"))
        {
            File.Delete(file);
        }

        return latencies;
    }

    private static async Task SendAsync(HttpClient http, Uri address, string body)
    {
        using var request = WebhooksSample.HubSpotSender.Signed(address, body, Secret, DateTimeOffset.UtcNow);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }
}
