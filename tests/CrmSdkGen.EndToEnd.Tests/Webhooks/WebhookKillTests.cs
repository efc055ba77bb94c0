using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using WebhooksSample;

namespace CrmSdkGen.EndToEnd.Tests.Webhooks;

/// <summary>
/// The webhook sample's receiver in a process of its own, fed by a HubSpot-style sender that delivers again until it
/// gets a 200: killed once at a fault point (right after creating a task, before its event is marked handled) and once
/// with SIGKILL while accepted events wait in the inbox, it loses no event and creates exactly one follow-up task per
/// deal, however often each webhook came.
/// </summary>
public sealed class WebhookKillTests : IDisposable
{
    private const string Token = "pat-na1-kill-test";
    private const string ClientSecret = "kill-test-client-secret";
    private const int Deals = 400;
    private readonly string _folder = Directory.CreateTempSubdirectory("crmsdkgen-webhook-kill").FullName;
    private readonly List<Process> _receivers = new();

    public void Dispose()
    {
        foreach (var receiver in _receivers)
        {
            if (!receiver.HasExited)
            {
                receiver.Kill();
                receiver.WaitForExit();
            }

            receiver.Dispose();
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_receiver_killed_after_a_task_and_between_accepting_and_handling_loses_nothing_and_repeats_nothing()
    {
        await using var crm = await DealsCrm.StartAsync(Token);
        var port = FreePort.Find();
        var inbox = Path.Combine(_folder, "inbox.db");
        using var sender = new HubSpotSender(new Uri($"http://127.0.0.1:{port}/webhooks/hubspot"), ClientSecret);
        var deals = Enumerable.Range(0, Deals).Select(i => crm.AddDeal("Deal " + i, "presentationscheduled")).ToList();
        var random = new Random(18);
        var batches = new List<List<JsonObject>>();
        var eventId = 0L;
        foreach (var chunk in deals.Chunk(10))
        {
            var batch = chunk.Select(deal =>
            {
                crm.MoveDeal(deal, "closedwon");
                return HubSpotSender.StageChange(++eventId, deal, "closedwon");
            }).ToList();
            batches.Add(batch);
            if (random.Next(10) == 0)
            {
                // HubSpot delivers a batch again when its answer was lost.
                batches.Add(batch);
            }
        }

        // First run: dies by its own hand right after creating its 25th task, before that event is marked handled.
        var first = Start(port, inbox, crm, killAfterTasks: 25);
        var delivering = Task.WhenAll(batches.Select(batch => sender.DeliverAsync(batch)));
        await first.Listening;
        await first.Process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.NotEqual(0, first.Process.ExitCode);
        Assert.Equal(25, crm.Tasks.Count);

        // Second run: SIGKILL once accepted events wait in the inbox unhandled.
        var second = Start(port, inbox, crm, killAfterTasks: null);
        await second.Listening;
        await WebhookReceiverHost.WaitForAsync(() => crm.Tasks.Count >= 60, "the second run handles events");
        second.Process.Kill();
        await second.Process.WaitForExitAsync();
        var (pending, handled) = Count(inbox);
        Assert.True(pending > 0, $"the kill landed with accepted events unhandled ({pending} pending, {handled} handled)");
        Assert.True(crm.Tasks.Count < Deals, "the kill landed before every deal had its task");

        // Third run: everything left is handled, once.
        var third = Start(port, inbox, crm, killAfterTasks: null);
        await third.Listening;
        await delivering.WaitAsync(TimeSpan.FromSeconds(120));
        await WebhookReceiverHost.WaitForAsync(() => Count(inbox).Pending == 0 && crm.Tasks.Count == Deals, "every deal has its task");
        third.Process.Kill();
        await third.Process.WaitForExitAsync();

        Assert.Equal(deals.Select(deal => $"deal-{deal}-closedwon").Order(StringComparer.Ordinal), crm.Tasks.Keys.Order(StringComparer.Ordinal));
        Assert.True(crm.Conflicts >= 1, "the event whose task was created just before the first kill was handled again and met the unique key");
        Assert.Equal((0L, (long)Deals), Count(inbox));
    }

    private static (long Pending, long Handled) Count(string inbox)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = inbox, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FILTER (WHERE state = 0), COUNT(*) FILTER (WHERE state = 1) FROM webhook_inbox;";
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private (Process Process, Task Listening) Start(int port, string inbox, DealsCrm crm, int? killAfterTasks)
    {
        var sample = typeof(WebhookKillTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(attribute => attribute.Key == "WebhooksSample").Value!;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        string[] arguments = [sample, "receive", $"http://127.0.0.1:{port}", inbox, crm.BaseAddress.ToString(), Token, ClientSecret];
        foreach (var argument in killAfterTasks is { } count ? [.. arguments, count.ToString(CultureInfo.InvariantCulture)] : arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        _receivers.Add(process);
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data == "listening")
            {
                listening.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return (process, listening.Task.WaitAsync(TimeSpan.FromSeconds(60)));
    }
}
