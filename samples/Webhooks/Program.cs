using System.Globalization;
using Microsoft.Extensions.Hosting;
using WebhooksSample;

// "receive" runs the receiver alone, as deployed:
//   receive <urls> <inbox file> <CRM base address> <token> <client secret> [kill after N tasks]
if (args.Length is 6 or 7 && args[0] == "receive")
{
    var settings = new ReceiverSettings(args[1], args[2], new Uri(args[3]), args[4], args[5])
    {
        KillAfterTasks = args.Length == 7 ? int.Parse(args[6], CultureInfo.InvariantCulture) : null,
    };
    await using var receiver = ReceiverApp.Build(settings);
    await receiver.StartAsync();
    Console.WriteLine("listening");
    await receiver.WaitForShutdownAsync();
    return 0;
}

// Without arguments: a HubSpot-shaped CRM, the receiver and a sender on 127.0.0.1. Three of five deals reach
// "closedwon"; their webhooks come twice, and the receiver is restarted in between; each deal gets one follow-up task.
const string Token = "pat-na1-sample-token";
const string ClientSecret = "sample-app-client-secret";
await using var crm = await DealsCrm.StartAsync(Token);
var folder = Directory.CreateTempSubdirectory("crmsdkgen-webhooks-sample").FullName;
var port = FreePort.Find();
var settingsForDemo = new ReceiverSettings($"http://127.0.0.1:{port}", Path.Combine(folder, "inbox.db"), crm.BaseAddress, Token, ClientSecret);
using var sender = new HubSpotSender(new Uri($"http://127.0.0.1:{port}/webhooks/hubspot"), ClientSecret);

var deals = Enumerable.Range(1, 5).Select(i => crm.AddDeal($"Deal {i}", "appointmentscheduled")).ToList();
var events = new List<System.Text.Json.Nodes.JsonObject>();
foreach (var (deal, index) in deals.Take(3).Select((deal, index) => (deal, index)))
{
    crm.MoveDeal(deal, "closedwon");
    events.Add(HubSpotSender.StageChange(100 + index, deal, "closedwon"));
}

crm.MoveDeal(deals[3], "qualifiedtobuy");
events.Add(HubSpotSender.StageChange(200, deals[3], "qualifiedtobuy"));

await using (var receiver = ReceiverApp.Build(settingsForDemo))
{
    await receiver.StartAsync();
    await sender.DeliverAsync(events);
    await WaitAsync(() => crm.Tasks.Count == 3);
    await receiver.StopAsync();
}

await using (var restarted = ReceiverApp.Build(settingsForDemo))
{
    await restarted.StartAsync();
    await sender.DeliverAsync(events);
    await Task.Delay(500);
    await restarted.StopAsync();
}

foreach (var (key, task) in crm.Tasks.OrderBy(pair => pair.Key, StringComparer.Ordinal))
{
    Console.WriteLine($"{key}: {task["properties"]!["hs_task_subject"]}");
}

Console.WriteLine($"{crm.Tasks.Count} follow-up tasks for 3 deals won; webhooks delivered twice, a receiver restart in between.");
Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
Directory.Delete(folder, recursive: true);
return crm.Tasks.Count == 3 ? 0 : 1;

static async Task WaitAsync(Func<bool> condition)
{
    var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
    while (!condition() && DateTimeOffset.UtcNow < deadline)
    {
        await Task.Delay(20);
    }
}
