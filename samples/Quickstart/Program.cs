using Acme.Crm;
using Acme.Crm.Models;
using CrmSdkGen.Runtime.Auth;
using CrmSdkGen.Runtime.Diff;
using CrmSdkGen.Runtime.Http;
using CrmSdkGen.Runtime.Sync;
using CrmSdkGen.Sync.Sqlite;
using Quickstart;

// A contacts server on 127.0.0.1 stands in for the CRM; the client below is generated from its spec at build time.
await using var server = await ContactsServer.StartAsync(apiKey: "quickstart-key");
using var http = new HttpClient { BaseAddress = server.BaseAddress };
var crm = new AcmeCrmClient(http, new AcmeCrmClientOptions { ApiKey = new ApiKeyCredential(server.ApiKey) });
Console.WriteLine($"Acme CRM at {server.BaseAddress}");

var ada = await crm.Contacts.CreateContactAsync(new ContactInput
{
    Email = "ada@example.com",
    FirstName = "Ada",
    LastName = "Lovelace",
    LifecycleStage = LifecycleStage.Lead,
    AnnualRevenue = 1200.50m,
    Tags = ["vip"],
});
var grace = await crm.Contacts.CreateContactAsync(new ContactInput { Email = "grace@example.com", FirstName = "Grace", Phone = "+1 555 0100" });
Console.WriteLine($"created  {ada.Id} {ada.Email} ({ada.LifecycleStage}), {grace.Id} {grace.Email}");

var page = await crm.Contacts.ListContactsAsync(limit: 1);
Console.WriteLine($"listed   {page.Results.Count} contact(s) on the first page, next cursor: {page.Paging?.Next?.After ?? "none"}");

// ...AllAsync walks every page lazily, following the cursor the spec's paging pattern names.
var everyone = new List<string>();
await foreach (var contact in crm.Contacts.ListContactsAllAsync(limit: 1))
{
    everyone.Add(contact.Email);
}

Console.WriteLine($"walked   {everyone.Count} contact(s), one page at a time: {string.Join(", ", everyone)}");

// PATCH sends exactly what was assigned: here one new stage and an explicit null that clears the phone.
var updated = await crm.Contacts.UpdateContactAsync(grace.Id, new ContactInput { LifecycleStage = "evangelist", Phone = null });
Console.WriteLine($"updated  {updated.Id}: stage {updated.LifecycleStage} (known value: {updated.LifecycleStage?.IsKnown}), phone {(updated.Phone ?? "cleared")}, email kept {updated.Email}");

var fetched = await crm.Contacts.GetByIdAsync(ada.Id);
Console.WriteLine($"fetched  {fetched.Id} {fetched.FirstName} {fetched.LastName}, revenue {fetched.AnnualRevenue}, created {fetched.CreatedAt:u}");

await crm.Contacts.DeleteContactAsync(ada.Id);
try
{
    await crm.Contacts.GetByIdAsync(ada.Id);
}
catch (ApiException<Error> error)
{
    Console.WriteLine($"deleted  {ada.Id}; reading it again gives HTTP {error.StatusCode} {error.Error.Category}: {error.Error.Message}");
}

Console.WriteLine($"requests {server.RequestLog.Count}: {string.Join(", ", server.RequestLog)}");

// Sync: a local copy of the CRM's contacts in SQLite, kept current in both directions by the generated adapter.
Console.WriteLine();
foreach (var name in new[] { "Alan", "Barbara", "Edsger", "Frances", "Katherine" })
{
    await crm.Contacts.CreateContactAsync(new ContactInput { Email = $"{name.ToLowerInvariant()}@example.com", FirstName = name, LifecycleStage = LifecycleStage.Lead });
}

var storePath = Path.Combine(Path.GetTempPath(), $"crmsdkgen-quickstart-{Guid.NewGuid():N}.db");
try
{
    using var store = new SqliteSyncStore(storePath, "contacts");
    var sync = new SyncEngine(new ContactsSyncAdapter(crm), store, new SyncOptions { CollectChanges = true, Conflicts = ConflictPolicy.FieldMerge });
    var first = await sync.SyncAsync();
    Console.WriteLine($"sync     pulled {first.Created} contacts into {Path.GetFileName(storePath)} in {first.Pages} page(s) ({(first.FullListing ? "full listing" : "incremental")})");

    // Local changes go to the outbox: an edit, a new contact and a delete.
    var local = (await sync.GetLocalAsync<Contact>(grace.Id))!;
    local.Phone = "+1 555 0199";
    local.LifecycleStage = "customer";
    await sync.SaveLocalAsync(grace.Id, local);
    await sync.CreateLocalAsync(new ContactInput { Email = "margaret@example.com", FirstName = "Margaret" });
    var everyoneLocal = await store.GetAllAsync();
    var alan = everyoneLocal.Values.Single(contact => contact.GetProperty("email").GetString() == "alan@example.com").GetProperty("id").GetString()!;
    await sync.DeleteLocalAsync(alan);

    // Meanwhile another user of the CRM edits Grace too (the same stage field, and her last name) and archives Barbara.
    await crm.Contacts.UpdateContactAsync(grace.Id, new ContactInput { LastName = "Hopper", LifecycleStage = "opportunity" });
    var barbara = everyoneLocal.Values.Single(contact => contact.GetProperty("email").GetString() == "barbara@example.com").GetProperty("id").GetString()!;
    await crm.Contacts.DeleteContactAsync(barbara);

    var before = await DriftAsync();
    Console.WriteLine($"drift    before: V = {before.Overall:0.000} over {before.ComparedFields} fields; {before.Differences.Count} field(s) differ, {before.OnlyInLeft.Count} contact(s) only local, {before.OnlyInRight.Count} only in the CRM");

    var second = await sync.SyncAsync();
    Console.WriteLine($"sync     pulled {second.Created} created, {second.Updated} updated, {second.Deleted} deleted; pushed {second.PushedCreates} create(s), {second.PushedUpdates} update(s), {second.PushedDeletes} delete(s)");
    foreach (var change in second.Changes!.Changes)
    {
        var detail = change.Kind == ChangeKind.Updated ? ": " + string.Join(", ", change.Patch.Select(operation => operation.Op + " " + operation.Path)) : string.Empty;
        Console.WriteLine($"  change {change.Kind.ToString().ToLowerInvariant(),-7} {change.Key}{detail}");
    }

    foreach (var conflict in second.Conflicts)
    {
        var kept = conflict.Resolved!.Value;
        Console.WriteLine($"  conflict on {conflict.Key}: {string.Join(", ", conflict.Fields)} changed on both sides; {conflict.Policy} kept stage '{kept.GetProperty("lifecycleStage").GetString()}', last name '{kept.GetProperty("lastName").GetString()}', phone '{kept.GetProperty("phone").GetString()}'");
    }

    var after = await DriftAsync();
    Console.WriteLine($"drift    after:  V = {after.Overall:0.000}; {after.Differences.Count} field(s) differ, {after.OnlyInLeft.Count + after.OnlyInRight.Count} contact(s) on one side only");

    async Task<DriftReport> DriftAsync()
    {
        var remote = new Dictionary<string, System.Text.Json.JsonElement>();
        await foreach (var contact in crm.Contacts.ListContactsAllAsync())
        {
            remote[contact.Id] = SyncJson.ToElement(contact);
        }

        return DriftMeter.Compare(await store.GetAllAsync(), remote);
    }
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    foreach (var file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(storePath) + "*"))
    {
        File.Delete(file);
    }
}
