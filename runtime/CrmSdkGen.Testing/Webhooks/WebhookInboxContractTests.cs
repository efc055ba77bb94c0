using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using CrmSdkGen.Runtime.Webhooks;
using Xunit;

namespace CrmSdkGen.Testing.Webhooks;

/// <summary>
/// What every <see cref="IWebhookInbox"/> must do, as xUnit tests: derive a class in your test project, open your inbox
/// in <see cref="CreateInbox"/>, and every test here runs against it.
/// </summary>
public abstract class WebhookInboxContractTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly List<IWebhookInbox> _opened = new();

    /// <summary>Opens a new, empty inbox.</summary>
    protected abstract IWebhookInbox CreateInbox();

    /// <summary>A new instance over the same storage as <paramref name="inbox"/>, which it closes first.</summary>
    protected abstract IWebhookInbox ReopenInbox(IWebhookInbox inbox);

    /// <inheritdoc />
    public virtual Task InitializeAsync() => Task.CompletedTask;

    /// <inheritdoc />
    public virtual Task DisposeAsync()
    {
        foreach (var inbox in _opened.Distinct().OfType<IDisposable>())
        {
            inbox.Dispose();
        }

        return Task.CompletedTask;
    }

    /// <summary>An event is stored once per sender and id, however often it comes; the count says how many were new.</summary>
    [Fact]
    public async Task An_event_is_stored_once_per_sender_and_id()
    {
        var inbox = Open();

        Assert.Equal(2, await inbox.AddAsync([Event("hubspot", "1"), Event("hubspot", "2")]));
        Assert.Equal(1, await inbox.AddAsync([Event("hubspot", "2"), Event("stripe", "2")]));
        Assert.Equal(0, await inbox.AddAsync([Event("hubspot", "1")]));

        var due = await inbox.TakeDueAsync(10, Start.AddMinutes(1));
        Assert.Equal(["hubspot/1", "hubspot/2", "stripe/2"], due.Select(item => item.Source + "/" + item.Id).Order(StringComparer.Ordinal));
    }

    /// <summary>Due events come oldest first, up to the number asked for, with their payloads as stored.</summary>
    [Fact]
    public async Task Due_events_come_oldest_first_up_to_the_number_asked_for_with_their_payloads()
    {
        var inbox = Open();
        await inbox.AddAsync([Event("hubspot", "late", Start.AddSeconds(2))]);
        await inbox.AddAsync([Event("hubspot", "early", Start), Event("hubspot", "middle", Start.AddSeconds(1))]);

        var due = await inbox.TakeDueAsync(2, Start.AddMinutes(1));

        Assert.Equal(["early", "middle"], due.Select(item => item.Id));
        Assert.Equal("""{"id":"early"}""", Encoding.UTF8.GetString(due[0].Payload.Span));
        Assert.All(due, item => Assert.Equal((WebhookEventState.Pending, 0), (item.State, item.Attempts)));
        Assert.Empty(await inbox.TakeDueAsync(10, Start.AddSeconds(-1)));
    }

    /// <summary>A handled event is never due again, and a redelivery of it is a duplicate.</summary>
    [Fact]
    public async Task A_handled_event_is_never_due_again_and_its_redelivery_is_a_duplicate()
    {
        var inbox = Open();
        await inbox.AddAsync([Event("hubspot", "1"), Event("hubspot", "2")]);
        await inbox.MarkHandledAsync("hubspot", "1");

        Assert.Equal(0, await inbox.AddAsync([Event("hubspot", "1")]));
        Assert.Equal(["2"], (await inbox.TakeDueAsync(10, Start.AddHours(1))).Select(item => item.Id));
    }

    /// <summary>An event taken and neither handled nor failed (its dispatcher died) is due again later.</summary>
    [Fact]
    public async Task An_event_taken_but_not_settled_is_due_again_later()
    {
        var inbox = Open();
        await inbox.AddAsync([Event("hubspot", "1")]);
        Assert.Single(await inbox.TakeDueAsync(10, Start));

        Assert.Single(await inbox.TakeDueAsync(10, Start.AddMinutes(10)));
    }

    /// <summary>A failed attempt makes the event due at the retry time with its attempt and error counted; no retry time dead-letters it.</summary>
    [Fact]
    public async Task A_failure_delays_the_event_and_the_last_one_dead_letters_it_for_replay()
    {
        var inbox = Open();
        await inbox.AddAsync([Event("hubspot", "1"), Event("hubspot", "2")]);
        await inbox.MarkFailedAsync("hubspot", "1", "timeout", Start.AddMinutes(5));
        await inbox.MarkFailedAsync("hubspot", "2", "bad data", null);

        Assert.Empty(await inbox.TakeDueAsync(10, Start.AddMinutes(4)));
        var retried = Assert.Single(await inbox.TakeDueAsync(10, Start.AddMinutes(5)));
        Assert.Equal(("1", 1, "timeout"), (retried.Id, retried.Attempts, retried.LastError));
        var dead = Assert.Single(await inbox.GetDeadLettersAsync());
        Assert.Equal(("2", WebhookEventState.DeadLettered, 1, "bad data"), (dead.Id, dead.State, dead.Attempts, dead.LastError));

        Assert.False(await inbox.ReplayAsync("hubspot", "1"));
        Assert.True(await inbox.ReplayAsync("hubspot", "2"));
        Assert.Empty(await inbox.GetDeadLettersAsync());
        var replayed = (await inbox.TakeDueAsync(10, Start.AddMinutes(30))).Single(item => item.Id == "2");
        Assert.Equal((WebhookEventState.Pending, 0), (replayed.State, replayed.Attempts));
    }

    /// <summary>Pending and dead-lettered events survive reopening the inbox.</summary>
    [Fact]
    public async Task Pending_and_dead_lettered_events_survive_reopening()
    {
        var inbox = Open();
        await inbox.AddAsync([Event("hubspot", "1"), Event("hubspot", "2"), Event("hubspot", "3")]);
        await inbox.MarkHandledAsync("hubspot", "1");
        await inbox.MarkFailedAsync("hubspot", "3", "gone", null);

        var reopened = ReopenInbox(inbox);
        _opened.Add(reopened);

        Assert.Equal(["2"], (await reopened.TakeDueAsync(10, Start.AddMinutes(1))).Select(item => item.Id));
        Assert.Equal(["3"], (await reopened.GetDeadLettersAsync()).Select(item => item.Id));
        Assert.Equal(0, await reopened.AddAsync([Event("hubspot", "1"), Event("hubspot", "3")]));
    }

    private IWebhookInbox Open()
    {
        var inbox = CreateInbox();
        _opened.Add(inbox);
        return inbox;
    }

    private static WebhookEvent Event(string source, string id, DateTimeOffset? received = null) =>
        new(source, id, Encoding.UTF8.GetBytes($$"""{"id":"{{id}}"}"""), received ?? Start);
}
