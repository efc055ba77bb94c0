using System.Text;
using CrmSdkGen.Runtime.Webhooks;
using CrmSdkGen.Sync.PostgreSql;
using CrmSdkGen.Testing.Webhooks;
using Npgsql;

namespace CrmSdkGen.Fleet.Tests.Stores;

/// <summary>
/// The webhook inbox contract, run against the PostgreSQL inbox (each test a database of its own, reopened as a new
/// instance), and what only a shared inbox must do: dispatchers taking due events together never take the same one.
/// </summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlWebhookInboxContractTests(PostgreSqlCluster cluster) : WebhookInboxContractTests
{
    private NpgsqlDataSource? _database;

    public override async Task InitializeAsync()
    {
        _database = await cluster.CreateDatabaseAsync();
        await base.InitializeAsync();
    }

    protected override IWebhookInbox CreateInbox() => new PostgreSqlWebhookInbox(_database!);

    protected override IWebhookInbox ReopenInbox(IWebhookInbox inbox) => new PostgreSqlWebhookInbox(_database!);

    [Fact]
    public async Task Dispatchers_taking_due_events_at_once_never_take_the_same_event()
    {
        var receiver = new PostgreSqlWebhookInbox(_database!);
        var now = DateTimeOffset.UtcNow;
        var events = Enumerable.Range(0, 500).Select(i => new WebhookEvent("hubspot", i.ToString(System.Globalization.CultureInfo.InvariantCulture), Encoding.UTF8.GetBytes("{}"), now)).ToList();
        Assert.Equal(500, await receiver.AddAsync(events));

        var taken = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            var dispatcher = new PostgreSqlWebhookInbox(_database!);
            var mine = new List<string>();
            while ((await dispatcher.TakeDueAsync(7, now)) is { Count: > 0 } batch)
            {
                mine.AddRange(batch.Select(item => item.Id));
            }

            return mine;
        }));

        var all = taken.SelectMany(ids => ids).ToList();
        Assert.Equal(500, all.Count);
        Assert.Equal(500, all.Distinct(StringComparer.Ordinal).Count());
        Assert.True(taken.Count(ids => ids.Count > 0) > 1, "more than one dispatcher took events");
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
