using System.Net;
using System.Text;
using CrmSdkGen.Runtime.Webhooks;

namespace CrmSdkGen.EndToEnd.Tests.Webhooks;

/// <summary>
/// The webhook endpoint on Kestrel: valid deliveries stored and handled once per event id, forged, expired, malformed
/// and oversized ones refused with 401, 400 and 413 and nothing stored, failures dead-lettered and replayed, pending
/// events handled after a restart, and nothing of the body or the secret in the logs.
/// </summary>
public sealed class WebhookEndpointTests : IDisposable
{
    private const string Batch = """[{"eventId":101,"subscriptionType":"contact.creation","objectId":5001,"portalId":42},{"eventId":102,"subscriptionType":"contact.propertyChange","objectId":5002,"propertyName":"email","propertyValue":"ada@example.com","portalId":42}]""";
    private readonly string _folder = Directory.CreateTempSubdirectory("crmsdkgen-webhooks").FullName;
    private readonly HttpClient _http = new();

    public void Dispose()
    {
        _http.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Signed_deliveries_of_each_sender_are_stored_before_the_200_and_handled()
    {
        await using var host = await WebhookReceiverHost.StartAsync(Inbox());

        Assert.Equal(HttpStatusCode.OK, (await _http.SendAsync(host.HubSpot(Batch))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _http.SendAsync(host.Stripe("""{"id":"evt_1","type":"customer.updated"}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _http.SendAsync(host.Standard("msg_1", """{"type":"deal.won"}"""))).StatusCode);

        await WebhookReceiverHost.WaitForAsync(() => host.Handled.Count == 4, "4 events are handled");
        Assert.Equal(["hubspot/101", "hubspot/102", "standard-webhooks/msg_1", "stripe/evt_1"], host.Handled.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Forged_expired_malformed_oversized_and_unknown_deliveries_are_refused_and_nothing_is_stored()
    {
        await using var host = await WebhookReceiverHost.StartAsync(Inbox(), maxBodyBytes: 1024);
        var malformed = host.HubSpot(Batch);
        malformed.Headers.Remove("X-HubSpot-Request-Timestamp");
        malformed.Headers.Add("X-HubSpot-Request-Timestamp", "yesterday");
        var unsigned = host.Stripe("""{"id":"evt_2"}""");
        unsigned.Headers.Remove("Stripe-Signature");

        Assert.Equal(HttpStatusCode.Unauthorized, (await _http.SendAsync(host.HubSpot(Batch, secret: "stolen-guess"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _http.SendAsync(host.HubSpot(Batch, at: DateTimeOffset.UtcNow.AddMinutes(-6)))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _http.SendAsync(host.Stripe("""{"id":"evt_2"}""", secret: "whsec_wrong"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _http.SendAsync(unsigned)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _http.SendAsync(malformed)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _http.SendAsync(host.HubSpot("""{"not":"an array"}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _http.SendAsync(host.Stripe("{\"id\":\"" + new string('e', 300) + "\"}"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _http.SendAsync(host.Stripe("""{"id":"evt_\n\u001b[31mforged"}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await _http.SendAsync(host.HubSpot("[" + new string(' ', 2000) + "]"))).StatusCode);
        var chunked = host.Stripe("{\"id\":\"evt_3\",\"pad\":\"" + new string('x', 2000) + "\"}");
        chunked.Content = new StreamContent(new MemoryStream(await chunked.Content!.ReadAsByteArrayAsync()));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await _http.SendAsync(chunked)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _http.PostAsync(new Uri(host.BaseAddress, "webhooks/pipedrive"), new StringContent("{}"))).StatusCode);

        Assert.Empty(await host.Inbox.TakeDueAsync(100, DateTimeOffset.UtcNow.AddDays(1)));
        var logged = string.Join("\n", host.Logs.Entries.Select(entry => entry.Message));
        Assert.Contains("Refused a hubspot delivery: no current secret gives this signature", logged, StringComparison.Ordinal);
        foreach (var secret in new[] { WebhookReceiverHost.HubSpotSecret, WebhookReceiverHost.StripeSecret, "stolen-guess", "contact.creation", "evt_2" })
        {
            Assert.DoesNotContain(secret, logged, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Redelivered_and_overlapping_batches_are_handled_once_per_event_id()
    {
        await using var host = await WebhookReceiverHost.StartAsync(Inbox());
        var overlapping = """[{"eventId":102,"subscriptionType":"contact.propertyChange","objectId":5002},{"eventId":103,"subscriptionType":"contact.deletion","objectId":5003}]""";

        foreach (var body in new[] { Batch, Batch, overlapping, Batch, overlapping })
        {
            Assert.Equal(HttpStatusCode.OK, (await _http.SendAsync(host.HubSpot(body))).StatusCode);
        }

        for (var index = 0; index < 3; index++)
        {
            Assert.Equal(HttpStatusCode.OK, (await _http.SendAsync(host.Stripe("""{"id":"evt_same"}"""))).StatusCode);
        }

        await WebhookReceiverHost.WaitForAsync(() => host.Handled.Count == 4, "4 distinct events are handled");
        await Task.Delay(200);
        Assert.All(host.Handled.Values, count => Assert.Equal(1, count));
        Assert.Equal(["hubspot/101", "hubspot/102", "hubspot/103", "stripe/evt_same"], host.Handled.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_handler_that_keeps_failing_dead_letters_the_event_which_can_be_inspected_and_replayed()
    {
        await using var host = await WebhookReceiverHost.StartAsync(Inbox(), maxAttempts: 3);
        host.Failing["evt_bad"] = true;

        Assert.Equal(HttpStatusCode.OK, (await _http.SendAsync(host.Stripe("""{"id":"evt_bad"}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _http.SendAsync(host.Stripe("""{"id":"evt_good"}"""))).StatusCode);
        IReadOnlyList<WebhookEvent> dead = [];
        await WebhookReceiverHost.WaitForAsync(() => (dead = host.Inbox.GetDeadLettersAsync().GetAwaiter().GetResult()).Count == 1, "the failing event is dead-lettered");

        var letter = Assert.Single(dead);
        Assert.Equal("evt_bad", letter.Id);
        Assert.Equal(3, letter.Attempts);
        Assert.Equal(WebhookEventState.DeadLettered, letter.State);
        Assert.Contains("the handler is down for evt_bad", letter.LastError, StringComparison.Ordinal);
        Assert.Equal("""{"id":"evt_bad"}""", Encoding.UTF8.GetString(letter.Payload.Span));
        Assert.True(host.Handled.ContainsKey("stripe/evt_good"));

        host.Failing.TryRemove("evt_bad", out _);
        Assert.True(await host.Inbox.ReplayAsync("stripe", "evt_bad"));
        await WebhookReceiverHost.WaitForAsync(() => host.Handled.ContainsKey("stripe/evt_bad"), "the replayed event is handled");
        Assert.Empty(await host.Inbox.GetDeadLettersAsync());
    }

    [Fact]
    public async Task Events_accepted_but_not_handled_when_the_receiver_stops_are_handled_after_it_starts_again()
    {
        var inbox = Inbox();
        await using (var first = await WebhookReceiverHost.StartAsync(inbox, maxAttempts: 1000))
        {
            first.Failing["201"] = true;
            first.Failing["202"] = true;
            Assert.Equal(HttpStatusCode.OK, (await _http.SendAsync(first.HubSpot("""[{"eventId":201,"objectId":1},{"eventId":202,"objectId":2}]"""))).StatusCode);
        }

        await using var second = await WebhookReceiverHost.StartAsync(inbox);

        await WebhookReceiverHost.WaitForAsync(() => second.Handled.Count == 2, "the pending events are handled after the restart");
        Assert.Equal(["hubspot/201", "hubspot/202"], second.Handled.Keys.Order(StringComparer.Ordinal));
    }

    private string Inbox() => Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".db");
}
