using CrmSdkGen.Runtime.Sync;
using CrmSdkGen.Sync.PostgreSql.Fleet;
using Microsoft.Extensions.Logging;

namespace CrmSdkGen.Fleet.Tests.Fleet;

/// <summary>
/// Failures: an account whose key the CRM refuses is paused with the reason stored after repeated 401s, its credential
/// asked again after each and never logged; a job that keeps failing is marked failed and no longer run; each failure
/// backs off; resuming runs them again.
/// </summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class FleetFailureTests(PostgreSqlCluster cluster)
{
    [Fact]
    public async Task An_account_refused_with_401_is_paused_after_repeated_refusals_with_the_reason_and_no_key_in_the_logs()
    {
        await using var bed = await FleetTestBed.StartAsync(cluster);
        await bed.AddAccountAsync("revoked", contacts: 3);
        await bed.AddAccountAsync("healthy", contacts: 3);
        bed.Crm.RevokeKey("revoked");
        var logs = new CrmSdkGen.EndToEnd.Tests.CapturingLoggerProvider();
        var options = bed.Options();
        options.PauseAfterAuthFailures = 3;
        using var worker = new FleetWorker(bed.Database, options, LoggerFactory.Create(builder => builder.AddProvider(logs)));

        for (var round = 0; round < 6; round++)
        {
            await FleetTestBed.DrainAsync(worker);
            await bed.Admin.RunNowAsync();
        }

        var accounts = (await bed.Admin.GetAccountsAsync()).ToDictionary(account => account.Account);
        Assert.Contains("401", accounts["revoked"].PausedReason, StringComparison.Ordinal);
        Assert.Null(accounts["healthy"].PausedReason);
        Assert.Equal(3, bed.CredentialRequests["revoked"]);
        Assert.Equal(1, bed.CredentialRequests["healthy"]);
        var revokedRuns = (await bed.Admin.GetJobsAsync()).Where(job => job.Account == "revoked").Sum(job => job.Runs);
        Assert.Equal(3, revokedRuns);
        var written = logs.Entries.Select(entry => entry.Message + " " + string.Join(" ", entry.State.Select(pair => pair.Key + "=" + pair.Value))).ToList();
        Assert.Contains(written, entry => entry.Contains("Paused account revoked", StringComparison.Ordinal));
        Assert.DoesNotContain(written, entry => entry.Contains(bed.KeyOf("revoked"), StringComparison.Ordinal) || entry.Contains(bed.KeyOf("healthy"), StringComparison.Ordinal));

        // Fixed and resumed, the account runs again.
        var account = bed.Crm.Account("revoked");
        bed.Crm.AddAccount("revoked", bed.KeyOf("revoked"), 1000, TimeSpan.FromSeconds(1));
        foreach (var contact in account.Contacts.Snapshot().Values)
        {
            bed.Crm.Account("revoked").Contacts.Create(contact);
        }

        await bed.Admin.ResumeAccountAsync("revoked");
        await FleetTestBed.DrainAsync(worker);
        Assert.Null((await bed.Admin.GetAccountsAsync()).Single(status => status.Account == "revoked").PausedReason);
        Assert.All((await bed.Admin.GetJobsAsync()).Where(job => job.Account == "revoked"), job => Assert.NotNull(job.LastSuccess));
    }

    [Fact]
    public async Task A_job_that_keeps_failing_backs_off_then_is_marked_failed_and_no_longer_run_until_resumed()
    {
        await using var bed = await FleetTestBed.StartAsync(cluster);
        await bed.AddAccountAsync("acme", contacts: 2, companies: 2);
        var failing = true;
        var options = bed.Options();
        options.MaxFailures = 3;
        options.BaseBackoff = TimeSpan.FromHours(1);
        options.MaxBackoff = TimeSpan.FromHours(2);
        options.AddResource("companies", job => failing ? throw new InvalidOperationException("the companies adapter is broken") : new Acme.Accounts.CompaniesSyncAdapter(new Acme.Accounts.AccountsClient(job.Http, new Acme.Accounts.AccountsClientOptions { ApiKey = (CrmSdkGen.Runtime.Auth.ApiKeyCredential)job.Credential })));
        using var worker = new FleetWorker(bed.Database, options);

        await FleetTestBed.DrainAsync(worker);
        var afterOne = (await bed.Admin.GetJobsAsync()).Single(job => job.Resource == "companies");
        Assert.Equal(1, afterOne.Failures);
        Assert.Contains("the companies adapter is broken", afterOne.LastError, StringComparison.Ordinal);
        Assert.True(afterOne.NextRun > DateTimeOffset.UtcNow.AddMinutes(29), $"the next run is at {afterOne.NextRun:O}, not backed off");

        for (var round = 0; round < 5; round++)
        {
            await bed.Admin.RunNowAsync();
            await FleetTestBed.DrainAsync(worker);
        }

        var jobs = (await bed.Admin.GetJobsAsync()).ToDictionary(job => job.Resource);
        Assert.Equal(3, jobs["companies"].Runs);
        Assert.Equal(3, jobs["companies"].Failures);
        Assert.Contains("failed 3 times in a row", jobs["companies"].FailedReason, StringComparison.Ordinal);
        Assert.Null(jobs["contacts"].FailedReason);
        Assert.Equal(6, jobs["contacts"].Runs);

        failing = false;
        await bed.Admin.ResumeJobAsync("acme", "companies");
        await FleetTestBed.DrainAsync(worker);
        var resumed = (await bed.Admin.GetJobsAsync()).Single(job => job.Resource == "companies");
        Assert.Null(resumed.FailedReason);
        Assert.Equal(0, resumed.Failures);
        Assert.Equal(2, (await new CrmSdkGen.Sync.PostgreSql.PostgreSqlSyncStore(bed.Database, "acme", "companies").GetAllAsync()).Count);
    }

    [Fact]
    public void Backoff_doubles_per_failure_up_to_its_cap_keeping_half_to_all_of_it()
    {
        var options = new FleetOptions { BaseBackoff = TimeSpan.FromSeconds(10), MaxBackoff = TimeSpan.FromSeconds(60) };
        Assert.InRange(Backoff(options, 1).TotalSeconds, 5, 10);
        Assert.InRange(Backoff(options, 2).TotalSeconds, 10, 20);
        Assert.InRange(Backoff(options, 3).TotalSeconds, 20, 40);
        Assert.InRange(Backoff(options, 50).TotalSeconds, 30, 60);
    }

    private static TimeSpan Backoff(FleetOptions options, int failures) =>
        (TimeSpan)typeof(FleetWorker).Assembly.GetType("CrmSdkGen.Sync.PostgreSql.Fleet.FleetJobRecorder")!.GetMethod("Backoff")!.Invoke(null, [options, failures])!;
}
