using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CrmSdkGen.Sync.Sqlite;
using CrmSdkGen.Webhooks.Dispatching;
using CrmSdkGen.Webhooks.Receiving;
using CrmSdkGen.Webhooks.Verification;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CrmSdkGen.EndToEnd.Tests.Webhooks;

/// <summary>
/// A receiver as a user builds it from the docs, on Kestrel at 127.0.0.1: HubSpot, Stripe and Standard Webhooks
/// senders, a SQLite inbox in a file that outlives the host, and a handler that records what it handled.
/// </summary>
public sealed class WebhookReceiverHost : IAsyncDisposable
{
    public const string HubSpotSecret = "hubspot-client-secret";
    public const string StripeSecret = "whsec_stripe_e2e";
    public static readonly byte[] StandardKey = Encoding.UTF8.GetBytes("standard-webhooks-key-24b");

    private WebApplication _app = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public CapturingLoggerProvider Logs { get; } = new();

    /// <summary>Events handled, by "source/id", with how often each was handed to the handler successfully.</summary>
    public ConcurrentDictionary<string, int> Handled { get; } = new(StringComparer.Ordinal);

    /// <summary>Ids whose handling throws.</summary>
    public ConcurrentDictionary<string, bool> Failing { get; } = new(StringComparer.Ordinal);

    public SqliteWebhookInbox Inbox { get; private set; } = null!;

    public static async Task<WebhookReceiverHost> StartAsync(string inboxPath, int maxAttempts = 3, long maxBodyBytes = 64 * 1024, Action<WebhookDispatcherOptions>? dispatch = null)
    {
        var host = new WebhookReceiverHost();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(host.Logs).SetMinimumLevel(LogLevel.Trace);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddCrmWebhooks(_ => host.Inbox = new SqliteWebhookInbox(inboxPath), dispatcher =>
        {
            dispatcher.MaxAttempts = maxAttempts;
            dispatcher.BaseBackoff = TimeSpan.FromMilliseconds(10);
            dispatcher.MaxBackoff = TimeSpan.FromMilliseconds(50);
            dispatcher.PollInterval = TimeSpan.FromMilliseconds(50);
            dispatcher.Handle("*", (item, _) =>
            {
                if (host.Failing.ContainsKey(item.Id))
                {
                    throw new InvalidOperationException("the handler is down for " + item.Id);
                }

                host.Handled.AddOrUpdate(item.Source + "/" + item.Id, 1, (_, count) => count + 1);
                return Task.CompletedTask;
            });
            dispatch?.Invoke(dispatcher);
        });
        host._app = builder.Build();
        host._app.MapCrmWebhooks("/webhooks", hooks =>
        {
            hooks.MaxBodyBytes = maxBodyBytes;
            hooks.Add(WebhookSources.HubSpot(new WebhookSecrets(HubSpotSecret)));
            hooks.Add(WebhookSources.Stripe(new WebhookSecrets(StripeSecret)));
            hooks.Add(WebhookSources.StandardWebhooks(new WebhookSecrets("whsec_" + Convert.ToBase64String(StandardKey))));
        });
        await host._app.StartAsync();
        var address = host._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        host.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return host;
    }

    /// <summary>A HubSpot delivery of <paramref name="body"/>, signed (v3) with <paramref name="secret"/> at <paramref name="at"/>.</summary>
    public HttpRequestMessage HubSpot(string body, string secret = HubSpotSecret, DateTimeOffset? at = null) =>
        WebhooksSample.HubSpotSender.Signed(new Uri(BaseAddress, "webhooks/hubspot"), body, secret, at ?? DateTimeOffset.UtcNow);

    /// <summary>A Stripe delivery of <paramref name="body"/>, signed with <paramref name="secret"/> at <paramref name="at"/>.</summary>
    public HttpRequestMessage Stripe(string body, string secret = StripeSecret, DateTimeOffset? at = null)
    {
        var timestamp = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp + "." + body))).ToLowerInvariant();
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(BaseAddress, "webhooks/stripe")) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("Stripe-Signature", $"t={timestamp},v1={signature}");
        return request;
    }

    /// <summary>A Standard Webhooks delivery of <paramref name="body"/> with message id <paramref name="id"/>.</summary>
    public HttpRequestMessage Standard(string id, string body)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = Convert.ToBase64String(HMACSHA256.HashData(StandardKey, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}")));
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(BaseAddress, "webhooks/standard-webhooks")) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("webhook-id", id);
        request.Headers.Add("webhook-timestamp", timestamp);
        request.Headers.Add("webhook-signature", "v1," + signature);
        return request;
    }

    /// <summary>Waits until <paramref name="condition"/> holds (the dispatcher runs apart from the requests).</summary>
    public static async Task WaitForAsync(Func<bool> condition, string what)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "timed out waiting until " + what);
            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
