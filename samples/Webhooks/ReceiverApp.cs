using Acme.Deals;
using CrmSdkGen.Runtime.Auth;
using CrmSdkGen.Sync.Sqlite;
using CrmSdkGen.Webhooks.Dispatching;
using CrmSdkGen.Webhooks.Receiving;
using CrmSdkGen.Webhooks.Verification;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace WebhooksSample;

/// <summary>What the receiver needs: where it listens, its inbox file, the CRM and the app's credentials.</summary>
/// <param name="Urls">Where it listens, such as http://127.0.0.1:5080.</param>
/// <param name="InboxPath">The SQLite file of the webhook inbox.</param>
/// <param name="Crm">The CRM's base address.</param>
/// <param name="Token">The CRM's private-app token.</param>
/// <param name="ClientSecret">The app's client secret, which signs HubSpot's webhooks.</param>
public sealed record ReceiverSettings(string Urls, string InboxPath, Uri Crm, string Token, string ClientSecret)
{
    /// <summary>The stage that calls for a follow-up task.</summary>
    public string Stage { get; init; } = "closedwon";

    /// <summary>A fault point: the process kills itself right after creating this many tasks, before marking the event handled.</summary>
    public int? KillAfterTasks { get; init; }
}

/// <summary>The receiver as deployed: HubSpot's webhooks verified, stored in the inbox, and handed to the automation.</summary>
public static class ReceiverApp
{
    public static WebApplication Build(ReceiverSettings settings)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls(settings.Urls);
        var created = 0;
        var crm = new CrmClient(new HttpClient { BaseAddress = settings.Crm }, new CrmClientOptions { Oauth2 = new BearerTokenCredential(settings.Token) });
        var automation = new FollowUpAutomation(crm, settings.Stage)
        {
            TaskCreated = _ =>
            {
                if (Interlocked.Increment(ref created) == settings.KillAfterTasks)
                {
                    Environment.FailFast("Killed after creating a task, before its event was marked handled.");
                }
            },
        };
        builder.Services.AddCrmWebhooks(_ => new SqliteWebhookInbox(settings.InboxPath), dispatcher =>
        {
            dispatcher.MaxAttempts = 8;
            dispatcher.Handle("hubspot", CrmClientWebhooks.DealPropertyChangeHandler(automation));
        });
        var app = builder.Build();
        app.MapCrmWebhooks("/webhooks", hooks => hooks.Add(WebhookSources.HubSpot(new WebhookSecrets(settings.ClientSecret))));
        return app;
    }
}
