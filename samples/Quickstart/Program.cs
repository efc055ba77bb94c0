using Acme.Crm;
using Acme.Crm.Models;
using CrmSdkGen.Runtime.Auth;
using CrmSdkGen.Runtime.Http;
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
