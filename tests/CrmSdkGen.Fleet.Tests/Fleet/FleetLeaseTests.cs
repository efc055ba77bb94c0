using CrmSdkGen.Sync.PostgreSql;
using CrmSdkGen.Sync.PostgreSql.Fleet;
using Npgsql;

namespace CrmSdkGen.Fleet.Tests.Fleet;

/// <summary>
/// Leases and fencing: a worker whose lease expired while it was stuck (paused, cut off from the database) and was
/// taken over can neither commit nor send another request; one account is held by one worker at a time.
/// </summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class FleetLeaseTests(PostgreSqlCluster cluster)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_worker_whose_lease_was_taken_over_can_neither_commit_nor_send(bool sendsAfterTheGate)
    {
        await using var bed = await FleetTestBed.StartAsync(cluster);
        var account = await bed.AddAccountAsync("acme", contacts: 0, companies: 0);
        await bed.Admin.RemoveAccountAsync("acme");
        await bed.Admin.AddAccountAsync("acme");
        await bed.Admin.AddJobAsync("acme", "contacts", TimeSpan.FromMinutes(10));
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stale = bed.Options("stale-worker");
        stale.AddResource("contacts", job => new GatedAdapter(job, "from-stale", gate, reached, sendsAfterTheGate));
        using var staleWorker = new FleetWorker(bed.Database, stale);
        var staleRun = staleWorker.RunDueAccountAsync();
        await reached.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // The stale worker's renewals stop reaching the database: its lease runs out and the next worker takes over.
        await ExpireLeaseAsync(bed.Database, "acme");
        var fresh = bed.Options("fresh-worker");
        fresh.AddResource("contacts", job => new GatedAdapter(job, "from-fresh", null, null, false));
        using var freshWorker = new FleetWorker(bed.Database, fresh);
        Assert.True(await freshWorker.RunDueAccountAsync());
        var requestsBefore = account.Window.Requests;
        gate.SetResult();
        Assert.True(await staleRun.WaitAsync(TimeSpan.FromSeconds(30)));

        var records = await new PostgreSqlSyncStore(bed.Database, "acme", "contacts").GetAllAsync();
        Assert.Equal(["from-fresh"], records.Keys);
        Assert.Equal(requestsBefore, account.Window.Requests);
        var job = Assert.Single(await bed.Admin.GetJobsAsync());
        Assert.Equal(1, job.Runs);
        Assert.Equal(0, job.Failures);
        var lease = Assert.Single(await bed.Admin.GetAccountsAsync());
        Assert.Equal(2, lease.Fence);
    }

    [Fact]
    public async Task A_store_of_the_fleet_refuses_a_commit_under_an_old_fencing_token_even_before_anyone_took_over()
    {
        await using var bed = await FleetTestBed.StartAsync(cluster);
        await bed.AddAccountAsync("acme", contacts: 1, companies: 0);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var options = bed.Options("slow-worker");
        options.AddResource("contacts", job => new GatedAdapter(job, "late", gate, reached, false));
        using var worker = new FleetWorker(bed.Database, options);
        var run = worker.RunDueAccountAsync();
        await reached.Task.WaitAsync(TimeSpan.FromSeconds(30));

        await ExpireLeaseAsync(bed.Database, "acme");
        gate.SetResult();
        await run.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Empty(await new PostgreSqlSyncStore(bed.Database, "acme", "contacts").GetAllAsync());
        Assert.All(await bed.Admin.GetJobsAsync(), job => Assert.Equal(0, job.Runs));
    }

    [Fact]
    public async Task Two_workers_never_hold_one_account_at_once_and_each_takes_a_different_one()
    {
        await using var bed = await FleetTestBed.StartAsync(cluster);
        await bed.AddAccountAsync("first", contacts: 0, companies: 0);
        await bed.AddAccountAsync("second", contacts: 0, companies: 0);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var held = new System.Collections.Concurrent.ConcurrentBag<string>();
        FleetWorker Worker(string id)
        {
            var options = bed.Options(id);
            options.AddResource("contacts", job =>
            {
                held.Add(job.Account);
                return new GatedAdapter(job, id, gate, null, false);
            });
            options.AddResource("companies", job => new GatedAdapter(job, id, gate, null, false));
            return new FleetWorker(bed.Database, options);
        }

        using var one = Worker("one");
        using var two = Worker("two");
        using var three = Worker("three");
        var runs = new[] { one.RunDueAccountAsync(), two.RunDueAccountAsync() };
        while (held.Count < 2)
        {
            await Task.Delay(20);
        }

        Assert.False(await three.RunDueAccountAsync());
        gate.SetResult();
        Assert.All(await Task.WhenAll(runs), Assert.True);
        Assert.Equal(["first", "second"], held.Order(StringComparer.Ordinal));
    }

    private static async Task ExpireLeaseAsync(NpgsqlDataSource database, string account)
    {
        await using var command = database.CreateCommand($"UPDATE {PostgreSqlSchema.DefaultName}.fleet_accounts SET lease_expires = clock_timestamp() - interval '1 second' WHERE account = $1;");
        command.Parameters.Add(new NpgsqlParameter { Value = account });
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }
}
