using System.Text.Json;
using System.Text.Json.Nodes;
using CrmSdkGen.EndToEnd.Tests.Sync;
using CrmSdkGen.Runtime.Auth;
using CrmSdkGen.Runtime.Sync;
using CrmSdkGen.Sync.Sqlite;

// Usage: CrmSdkGen.SyncWorker <mode> <base address> <credential> <SQLite file> <run number>
// Each run edits one record locally (and, where the CRM honours idempotency keys, creates one), then syncs; it prints
// "syncing" before the sync and "done" after it. Modes: full, watermark, deltaToken (the quick start's CRM with its API
// key) and search (a HubSpot-shaped CRM with a bearer token).
if (args.Length != 5)
{
    Console.Error.WriteLine("usage: CrmSdkGen.SyncWorker <full|watermark|deltaToken|search> <base address> <credential> <SQLite file> <run number>");
    return 2;
}

var (mode, credential) = (args[0], args[2]);
var run = int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture);
using var http = new HttpClient { BaseAddress = new Uri(args[1]) };
var search = mode == "search";
SyncAdapter adapter = mode switch
{
    "search" => new Acme.Objects.ContactsSyncAdapter(new Acme.Objects.ObjectsClient(http, new Acme.Objects.ObjectsClientOptions { Oauth2 = new BearerTokenCredential(credential) }), options => { options.PageSize = 20; options.Search!.PageSize = 20; }),
    "deltaToken" => new DeltaContactsAdapter(http, credential),
    "full" => new Acme.Crm.ContactsSyncAdapter(new Acme.Crm.AcmeCrmClient(http, new Acme.Crm.AcmeCrmClientOptions { ApiKey = new ApiKeyCredential(credential) }), options => { options.PullMode = SyncPullMode.Full; options.PageSize = 20; }),
    _ => new Acme.Crm.ContactsSyncAdapter(new Acme.Crm.AcmeCrmClient(http, new Acme.Crm.AcmeCrmClientOptions { ApiKey = new ApiKeyCredential(credential) }), options => options.PageSize = 20),
};
using var store = new SqliteSyncStore(args[3]);
// No overlap: the inclusive watermark and the checkpoints alone must keep every record, so the kills test them.
var engine = new SyncEngine(adapter, store, new SyncOptions { Overlap = TimeSpan.Zero });

if (!search)
{
    await engine.CreateLocalAsync(Json(new JsonObject { ["email"] = $"worker-{run}@example.com" }));
}

var records = await store.GetAllAsync();
if (records.Keys.Where(key => !key.StartsWith("local-", StringComparison.Ordinal)).OrderBy(key => key, StringComparer.Ordinal).Skip(run % Math.Max(1, records.Count)).FirstOrDefault() is { } edited)
{
    var record = JsonNode.Parse(records[edited].GetRawText())!.AsObject();
    if (record["properties"] is JsonObject properties)
    {
        properties["phone"] = $"+1 555 {run:0000}";
    }
    else
    {
        record["phone"] = $"+1 555 {run:0000}";
    }

    await engine.SaveLocalAsync(edited, Json(record));
}

Console.WriteLine("syncing");
var result = await engine.SyncAsync();
Console.WriteLine($"done: {result.Created} created, {result.Updated} updated, {result.Deleted} deleted, {result.PushedCreates + result.PushedUpdates} pushed, {result.Conflicts.Count} conflicts");
return 0;

static JsonElement Json(JsonNode node) => JsonDocument.Parse(node.ToJsonString()).RootElement.Clone();
