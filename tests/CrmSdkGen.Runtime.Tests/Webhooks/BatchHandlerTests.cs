using System.Text;
using CrmSdkGen.Runtime.Tests.Stores;
using CrmSdkGen.Runtime.Webhooks;
using CrmSdkGen.Sync.Sqlite;
using CrmSdkGen.Webhooks.Dispatching;

namespace CrmSdkGen.Runtime.Tests.Webhooks;

/// <summary>
/// Batch handlers take the due events together; an event the handler cannot take fails alone (the failed call is made
/// again one event at a time) and reaches the dead letters without the events that came with it.
/// </summary>
public sealed class BatchHandlerTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task One_event_a_batch_handler_cannot_take_fails_alone_and_the_others_are_handled_in_one_call()
    {
        using var inbox = new SqliteWebhookInbox(_folder.File("inbox.db"));
        var start = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
        var time = new ManualTime(start);
        await inbox.AddAsync(Enumerable.Range(1, 5).Select(i => new WebhookEvent("hubspot", "e" + i, Encoding.UTF8.GetBytes("{}"), start)).ToList());
        var calls = new List<string[]>();
        var options = new WebhookDispatcherOptions { MaxAttempts = 2, BaseBackoff = TimeSpan.FromSeconds(1) }.HandleBatch("hubspot", (events, _) =>
        {
            calls.Add(events.Select(item => item.Id).ToArray());
            return events.Any(item => item.Id == "e3") ? throw new InvalidOperationException("e3 names no record") : Task.CompletedTask;
        });
        var dispatcher = new WebhookDispatcher(inbox, options, timeProvider: time);

        Assert.Equal(4, await dispatcher.DispatchDueAsync());
        time.Now = start.AddSeconds(2);
        Assert.Equal(0, await dispatcher.DispatchDueAsync());

        Assert.Equal(["e1", "e2", "e3", "e4", "e5"], calls[0]);
        Assert.Equal([["e1"], ["e2"], ["e3"], ["e4"], ["e5"], ["e3"]], calls.Skip(1));
        var dead = Assert.Single(await inbox.GetDeadLettersAsync());
        Assert.Equal(("e3", 2, "InvalidOperationException: e3 names no record"), (dead.Id, dead.Attempts, dead.LastError));
    }
}
