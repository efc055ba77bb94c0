using System.Text.Json.Nodes;
using Acme.Crm;
using CrmSdkGen.Runtime.Auth;
using CrmSdkGen.Runtime.Sync;

// Usage: CrmSdkGen.SyncWorker <base address> <api key> <SQLite file> <run number>
// Each run creates one contact locally, edits one, then syncs; it prints "syncing" before the sync and "done" after it.
if (args.Length != 4)
{
    Console.Error.WriteLine("usage: CrmSdkGen.SyncWorker <base address> <api key> <SQLite file> <run number>");
    return 2;
}

var run = int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture);
using var http = new HttpClient { BaseAddress = new Uri(args[0]) };
var client = new AcmeCrmClient(http, new AcmeCrmClientOptions { ApiKey = new ApiKeyCredential(args[1]) });
using var store = new SqliteSyncStore(args[2]);
// No overlap: the inclusive watermark and the checkpoints alone must keep every record, so the kills test them.
var engine = new SyncEngine(new ContactsSyncAdapter(client), store, new SyncOptions { Overlap = TimeSpan.Zero });

await engine.CreateLocalAsync(NewContact($"worker-{run}@example.com"));
var records = await store.GetAllAsync();
if (records.Keys.Where(key => !key.StartsWith("local-", StringComparison.Ordinal)).OrderBy(key => key, StringComparer.Ordinal).Skip(run % Math.Max(1, records.Count)).FirstOrDefault() is { } edited)
{
    var contact = JsonNode.Parse(records[edited].GetRawText())!;
    contact["phone"] = $"+1 555 {run:0000}";
    await engine.SaveLocalAsync(edited, System.Text.Json.JsonDocument.Parse(contact.ToJsonString()).RootElement);
}

Console.WriteLine("syncing");
var result = await engine.SyncAsync();
Console.WriteLine($"done: {result.Created} created, {result.Updated} updated, {result.Deleted} deleted, {result.PushedCreates + result.PushedUpdates} pushed, {result.Conflicts.Count} conflicts");
return 0;

static System.Text.Json.JsonElement NewContact(string email) =>
    System.Text.Json.JsonDocument.Parse(new JsonObject { ["email"] = email }.ToJsonString()).RootElement.Clone();
