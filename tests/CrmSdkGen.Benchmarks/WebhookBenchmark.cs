using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using CrmSdkGen.Runtime.Webhooks;
using CrmSdkGen.Sync.Sqlite;
using CrmSdkGen.Webhooks.Dispatching;
using CrmSdkGen.Webhooks.Receiving;
using CrmSdkGen.Webhooks.Verification;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CrmSdkGen.Benchmarks;

/// <summary>
/// Events accepted per second by a receiver on Kestrel at 127.0.0.1, HubSpot v3 signatures checked, every event in a
/// SQLite inbox before the 200: MapCrmWebhooks with SqliteWebhookInbox (and its dispatcher handing the events on)
/// against its peer, the receiver an integrator writes by hand (the same signature check, one INSERT OR IGNORE
/// transaction per delivery on a pooled connection). Deliveries of one event and of ten, 32 in flight; the order of
/// the contenders alternates.
/// </summary>
internal static class WebhookBenchmark
{
    private const string Secret = "benchmark-client-secret";
    private const int InFlight = 32;

    public static async Task RunAsync(int rounds, int deliveries)
    {
        Console.WriteLine("| receiver | events per delivery | deliveries | seconds | events accepted per second |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var batch in new[] { 1, 10 })
        {
            var rates = new Dictionary<string, List<double>> { ["MapCrmWebhooks"] = [], ["by hand"] = [] };
            var order = Enumerable.Range(0, rounds).SelectMany(round => round % 2 == 0 ? new[] { "MapCrmWebhooks", "by hand" } : ["by hand", "MapCrmWebhooks"]);
            foreach (var kind in order)
            {
                var rate = await RunOnceAsync(kind, batch, deliveries / batch);
                rates[kind].Add(rate);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {kind} | {batch} | {deliveries / batch:N0} | {deliveries / batch * batch / rate:F2} | {rate:N0} |"));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| MapCrmWebhooks / by hand, means of {rounds} | {batch} | | | {rates["MapCrmWebhooks"].Average() / rates["by hand"].Average():F2} |"));
        }
    }

    private static async Task<double> RunOnceAsync(string kind, int batch, int deliveries)
    {
        var path = Path.Combine(Path.GetTempPath(), $"crmsdkgen-webhooks-{Guid.NewGuid():N}.db");
        var handled = 0;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        if (kind == "MapCrmWebhooks")
        {
            builder.Services.AddCrmWebhooks(_ => new SqliteWebhookInbox(path), dispatcher => dispatcher.Handle("hubspot", (_, _) =>
            {
                Interlocked.Increment(ref handled);
                return Task.CompletedTask;
            }));
        }

        await using var app = builder.Build();
        if (kind == "MapCrmWebhooks")
        {
            app.MapCrmWebhooks("/webhooks", hooks => hooks.Add(WebhookSources.HubSpot(new WebhookSecrets(Secret))));
        }
        else
        {
            HandWrittenReceiver.Map(app, path, Secret);
        }

        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/webhooks/hubspot");
        var requests = Enumerable.Range(0, deliveries).Select(delivery => Signed(address, delivery, batch)).ToArray();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = InFlight });
        await SendAsync(http, address, Signed(address, -1, 1));

        var next = -1;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, InFlight).Select(async _ =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < requests.Length)
            {
                await SendAsync(http, address, requests[index]);
            }
        }));
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        await app.StopAsync();
        SqliteConnection.ClearAllPools();
        var stored = CountStored(path, kind);
        foreach (var file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(path) + "*"))
        {
            File.Delete(file);
        }

        if (stored != deliveries * batch + 1)
        {
            throw new InvalidOperationException($"{kind} stored {stored} events of {deliveries * batch + 1}.");
        }

        return deliveries * batch / seconds;
    }

    private static long CountStored(string path, string kind)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = kind == "MapCrmWebhooks" ? "SELECT COUNT(*) FROM webhook_inbox;" : "SELECT COUNT(*) FROM events;";
        return (long)command.ExecuteScalar()!;
    }

    private static async Task SendAsync(HttpClient http, Uri address, (string Body, string Timestamp, string Signature) delivery)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, address) { Content = new StringContent(delivery.Body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-HubSpot-Signature-v3", delivery.Signature);
        request.Headers.Add("X-HubSpot-Request-Timestamp", delivery.Timestamp);
        using var response = await http.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"The receiver at {address} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    // Signed before the clock starts, so that the sender's HMACs are not counted against the receiver.
    private static (string Body, string Timestamp, string Signature) Signed(Uri address, int delivery, int batch)
    {
        var events = Enumerable.Range(0, batch).Select(i => string.Create(CultureInfo.InvariantCulture,
            $$"""{"eventId":{{(long)delivery * batch + i + 10}},"subscriptionId":7,"portalId":42,"appId":9,"occurredAt":1764580000000,"subscriptionType":"contact.propertyChange","attemptNumber":0,"objectId":{{5000 + i}},"propertyName":"firstname","propertyValue":"Ada","changeSource":"CRM"}"""));
        var body = "[" + string.Join(",", events) + "]";
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var signature = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes("POST" + address.AbsoluteUri + body + timestamp)));
        return (body, timestamp, signature);
    }
}
