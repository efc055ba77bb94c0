using CrmSdkGen.Sync.PostgreSql;
using CrmSdkGen.Sync.PostgreSql.Fleet;
using FleetSample;

namespace CrmSdkGen.Fleet.Tests.Fleet;

/// <summary>An account's rate budget holds across workers: the CRM, counting on its side, never sees the account over its limit.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class FleetRateBudgetTests(PostgreSqlCluster cluster)
{
    [Fact]
    public async Task Workers_taking_turns_on_an_account_keep_to_its_budget_as_the_CRM_counts_it()
    {
        await using var bed = await FleetTestBed.StartAsync(cluster);
        var window = TimeSpan.FromSeconds(1);
        var account = await bed.AddAccountAsync("hubspot-portal", contacts: 12, companies: 6, limit: 6, window: window, budget: new FleetRateBudget(6, window));
        var workers = Enumerable.Range(0, 3).Select(index =>
        {
            var options = bed.Options("worker-" + index);
            options.SyncOptions = (_, _) => new CrmSdkGen.Runtime.Sync.SyncOptions();
            options.AddResource("contacts", job => new Acme.Accounts.ContactsSyncAdapter(Client(job), adapter => adapter.PageSize = 2));
            options.AddResource("companies", job => new Acme.Accounts.CompaniesSyncAdapter(Client(job), adapter => adapter.PageSize = 2));
            return new FleetWorker(bed.Database, options);
        }).ToList();

        // Each worker takes the account in turn: one job each time, the other becoming due again at once.
        await Task.WhenAll(workers.Select(worker => Task.Run(async () =>
        {
            for (var turn = 0; turn < 3; turn++)
            {
                await worker.RunDueAccountAsync();
                await bed.Admin.RunNowAsync("hubspot-portal");
            }
        })));

        Assert.Empty(await StoreComparison.DifferencesAsync(bed.Database, bed.Crm));
        Assert.True(account.Window.Requests > 3 * 6, $"only {account.Window.Requests} requests were sent");
        Assert.True(account.Window.OverLimit == 0, $"{account.Window.OverLimit} requests over the limit, {account.Window.MostInWindow} in one window");
        Assert.InRange(account.Window.MostInWindow, 1, 6);
        workers.ForEach(worker => worker.Dispose());
    }

    private static Acme.Accounts.AccountsClient Client(FleetJobContext job) =>
        new(job.Http, new Acme.Accounts.AccountsClientOptions { ApiKey = (CrmSdkGen.Runtime.Auth.ApiKeyCredential)job.Credential });
}
