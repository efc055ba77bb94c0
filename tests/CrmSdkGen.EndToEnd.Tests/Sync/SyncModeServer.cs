using System.Text.Json.Nodes;
using CrmSdkGen.EndToEnd.Tests.HubSpot;
using CrmSdkGen.Runtime.Sync;

namespace CrmSdkGen.EndToEnd.Tests.Sync;

/// <summary>
/// The CRM of one pull mode for the crash tests, on 127.0.0.1 (the quick start's CRM for full, watermark and delta-token
/// pulls, a HubSpot-shaped one for search pulls), with the scenario that syncs it.
/// </summary>
public sealed class SyncModeServer : IAsyncDisposable
{
    private SyncHarness? _acme;
    private HubSpotSyncHarness? _hubSpot;

    public SyncFaultScenario Scenario { get; private set; } = null!;

    public string Mode { get; private init; } = string.Empty;

    /// <summary>The base address and credential a sync worker process is given for this mode.</summary>
    public (Uri BaseAddress, string Credential) Worker => _acme is { } acme ? (acme.Server.BaseAddress, SyncHarness.ApiKey) : (_hubSpot!.Server.BaseAddress, _hubSpot.Server.Token);

    /// <summary>The CRM's live records as JSON.</summary>
    public IEnumerable<JsonObject> LiveRecords() => _acme is { } acme ? acme.Server.Contacts.Snapshot().Values : _hubSpot!.Server.Contacts.Snapshot().Values;

    /// <summary>Slows every page down, so that kills land in the middle of a sync.</summary>
    public void SlowPages(TimeSpan delay)
    {
        if (_acme is { } acme)
        {
            acme.Server.PageDelay = delay;
            acme.Server.LogRequests = false;
        }
        else
        {
            _hubSpot!.Server.PageDelay = delay;
        }
    }

    public static async Task<SyncModeServer> StartAsync(string mode)
    {
        var context = new SyncModeServer { Mode = mode };
        if (mode == "search")
        {
            var harness = context._hubSpot = await HubSpotSyncHarness.StartAsync();
            var ids = harness.Seed(30);
            context.Scenario = new SyncFaultScenario(
                mode,
                store => new SyncEngine(new Acme.Objects.ContactsSyncAdapter(harness.Client, options => { options.PageSize = 5; options.Search!.PageSize = 4; options.BatchSize = 3; }), store, new SyncOptions { Overlap = TimeSpan.Zero }),
                random =>
                {
                    ids.AddRange(harness.Seed(1, "run" + random.Next()));
                    harness.Server.Contacts.Update(ids[random.Next(ids.Count)], new Dictionary<string, string?> { ["lastname"] = "Edited " + random.Next(1000) });
                    harness.Server.Contacts.Update(ids[random.Next(ids.Count)], new Dictionary<string, string?> { ["lastname"] = "Edited " + random.Next(1000) });
                    harness.Server.Contacts.Archive(ids[random.Next(ids.Count)]);
                },
                store => StoreAssert.HoldsExactly(store, harness.Server.Contacts.Snapshot()),
                CreatesLocally: false);
            return context;
        }

        var acme = context._acme = await SyncHarness.StartAsync();
        var keys = acme.Seed(30);
        Func<SyncAdapter> adapter = mode switch
        {
            "full" => () => new Acme.Crm.ContactsSyncAdapter(acme.Client, options => { options.PullMode = SyncPullMode.Full; options.PageSize = 5; options.BatchSize = 3; }),
            "watermark" => () => new Acme.Crm.ContactsSyncAdapter(acme.Client, options => { options.PageSize = 5; options.BatchSize = 3; }),
            _ => () => new DeltaContactsAdapter(acme.Http, SyncHarness.ApiKey),
        };
        context.Scenario = new SyncFaultScenario(
            mode,
            store => new SyncEngine(adapter(), store, new SyncOptions { Overlap = TimeSpan.Zero }),
            random =>
            {
                keys.AddRange(acme.Seed(1, "run" + random.Next()));
                acme.Server.Contacts.Update(keys[random.Next(keys.Count)], new JsonObject { ["lastName"] = "Edited " + random.Next(1000) });
                acme.Server.Contacts.Update(keys[random.Next(keys.Count)], new JsonObject { ["lastName"] = "Edited " + random.Next(1000) });
                acme.Server.Contacts.Archive(keys[random.Next(keys.Count)]);
            },
            store => SyncHarness.AssertStoreEqualsServer(store, acme.Server),
            CreatesLocally: true);
        return context;
    }

    /// <summary>Each locally created contact exists in the CRM exactly once.</summary>
    public Task AssertCreatedOnceAsync()
    {
        if (_acme is { } acme)
        {
            var emails = acme.Server.Contacts.Snapshot().Values.Select(contact => (string?)contact["email"]).Where(email => email!.StartsWith("local-", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(emails);
            Assert.Equal(emails.Count, emails.Distinct(StringComparer.Ordinal).Count());
        }

        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_acme is not null)
        {
            await _acme.DisposeAsync();
        }

        if (_hubSpot is not null)
        {
            await _hubSpot.DisposeAsync();
        }
    }
}
