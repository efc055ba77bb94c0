using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using CrmSdkGen.Runtime.Sync;
using CrmSdkGen.Sync.PostgreSql;
using CrmSdkGen.Sync.PostgreSql.Fleet;
using FleetSample;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CrmSdkGen.Fleet.Tests.Fleet;

/// <summary>
/// What the fleet reports: OpenTelemetry metrics on the "CrmSdkGen.Fleet" meter (records pulled and pushed, runs by
/// outcome, lag per job, failures, leases) and an activity per job on the "CrmSdkGen" source; and the hosted service
/// that runs a worker for the life of a host.
/// </summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class FleetTelemetryTests(PostgreSqlCluster cluster)
{
    [Fact]
    public async Task Runs_report_records_pulled_and_pushed_lag_failures_and_leases_per_job()
    {
        await using var bed = await FleetTestBed.StartAsync(cluster);
        var account = "telemetry-" + Guid.NewGuid().ToString("N")[..8];
        await bed.AddAccountAsync(account, contacts: 4, companies: 3);
        using var http = new HttpClient();
        await new SyncEngine(new Acme.Accounts.ContactsSyncAdapter(new Acme.Accounts.AccountsClient(http)), new PostgreSqlSyncStore(bed.Database, account, "contacts"))
            .CreateLocalAsync(JsonDocument.Parse("""{"email":"made-here@example.com"}""").RootElement.Clone());
        var measured = new ConcurrentDictionary<string, double>();
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "CrmSdkGen.Fleet")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var tagged = tags.ToArray();
            if (tagged.Any(tag => tag.Key == "crmsdkgen.fleet.account" && (string?)tag.Value == account))
            {
                var resource = tagged.FirstOrDefault(tag => tag.Key == "crmsdkgen.fleet.resource").Value;
                var outcome = tagged.FirstOrDefault(tag => tag.Key == "crmsdkgen.fleet.outcome").Value;
                measured.AddOrUpdate($"{instrument.Name}|{resource}|{outcome}", value, (_, sum) => sum + value);
            }
        }

        meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        meters.Start();
        var activities = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "CrmSdkGen",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activities.Add,
        };
        ActivitySource.AddActivityListener(listener);
        var options = bed.Options();
        options.BaseBackoff = options.MaxBackoff = TimeSpan.FromHours(1);
        options.AddResource("companies", _ => throw new InvalidOperationException("no companies today"));
        using var worker = new FleetWorker(bed.Database, options);

        await FleetTestBed.DrainAsync(worker);
        await bed.Admin.RunNowAsync(account);
        await FleetTestBed.DrainAsync(worker);

        Assert.Equal(4, measured["crmsdkgen.fleet.records.pulled|contacts|"]);
        Assert.Equal(1, measured["crmsdkgen.fleet.records.pushed|contacts|"]);
        Assert.Equal(2, measured["crmsdkgen.fleet.job.runs|contacts|success"]);
        Assert.Equal(2, measured["crmsdkgen.fleet.job.runs|companies|failure"]);
        Assert.Equal(2, measured["crmsdkgen.fleet.job.failures|companies|"]);
        Assert.True(measured["crmsdkgen.fleet.job.lag|contacts|"] > 0);
        Assert.False(measured.ContainsKey("crmsdkgen.fleet.job.lag|companies|"));
        Assert.True(measured["crmsdkgen.fleet.leases.acquired||"] >= 2);
        var jobs = activities.Where(activity => (string?)activity.GetTagItem("crmsdkgen.fleet.account") == account).ToList();
        Assert.Equal(2, jobs.Count(activity => activity.DisplayName == "fleet.job contacts" && activity.Status == ActivityStatusCode.Ok));
        Assert.Equal(2, jobs.Count(activity => activity.DisplayName == "fleet.job companies" && activity.Status == ActivityStatusCode.Error));
    }

    [Fact]
    public async Task The_hosted_service_runs_a_worker_for_the_life_of_the_host()
    {
        await using var bed = await FleetTestBed.StartAsync(cluster);
        await bed.AddAccountAsync("hosted", contacts: 3, companies: 2);
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton(bed.Database);
        builder.Services.AddCrmSyncFleet(options =>
        {
            options.Credentials = bed;
            options.BaseAddress = _ => bed.Crm.BaseAddress;
            options.PollInterval = TimeSpan.FromMilliseconds(50);
            options.AddAccountsCrm();
        });
        using var host = builder.Build();

        await host.StartAsync();
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        while ((await bed.Admin.GetJobsAsync()).Any(job => job.LastSuccess is null) && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        await host.StopAsync();

        Assert.Empty(await StoreComparison.DifferencesAsync(bed.Database, bed.Crm));
        Assert.All(await bed.Admin.GetAccountsAsync(), account => Assert.Null(account.LeaseOwner));
    }
}
