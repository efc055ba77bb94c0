using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CrmSdkGen.Sync.PostgreSql.Fleet;

/// <summary>
/// The fleet's OpenTelemetry instruments (meter "CrmSdkGen.Fleet") and its job activities, on the runtime's activity
/// source "CrmSdkGen". Job measurements carry the account and the resource.
/// </summary>
internal static class FleetMetrics
{
    public const string MeterName = "CrmSdkGen.Fleet";

    private static readonly Meter Meter = new(MeterName);

    public static ActivitySource Activities { get; } = new("CrmSdkGen");

    public static Counter<long> RecordsPulled { get; } = Meter.CreateCounter<long>("crmsdkgen.fleet.records.pulled", "{record}", "Records created, updated or deleted locally by pulls.");

    public static Counter<long> RecordsPushed { get; } = Meter.CreateCounter<long>("crmsdkgen.fleet.records.pushed", "{record}", "Local creates, updates and deletes the CRM accepted.");

    public static Counter<long> JobRuns { get; } = Meter.CreateCounter<long>("crmsdkgen.fleet.job.runs", "{run}", "Job runs that ended, by outcome.");

    public static Counter<long> JobFailures { get; } = Meter.CreateCounter<long>("crmsdkgen.fleet.job.failures", "{run}", "Job runs that failed.");

    public static Histogram<double> JobLag { get; } = Meter.CreateHistogram<double>("crmsdkgen.fleet.job.lag", "s", "Time since the job's last successful run, when a run starts.");

    public static Histogram<double> JobDuration { get; } = Meter.CreateHistogram<double>("crmsdkgen.fleet.job.duration", "s", "How long a job run took.");

    public static Counter<long> LeasesAcquired { get; } = Meter.CreateCounter<long>("crmsdkgen.fleet.leases.acquired", "{lease}", "Account leases taken.");

    public static Counter<long> LeasesTakenOver { get; } = Meter.CreateCounter<long>("crmsdkgen.fleet.leases.taken_over", "{lease}", "Account leases taken from a worker whose lease expired.");

    public static Counter<long> LeasesLost { get; } = Meter.CreateCounter<long>("crmsdkgen.fleet.leases.lost", "{lease}", "Leases a worker found it no longer held.");

    public static Counter<long> RateWaits { get; } = Meter.CreateCounter<long>("crmsdkgen.fleet.rate.waits", "{wait}", "Requests that waited for the account's rate budget.");

    public static TagList Job(string account, string resource) => new()
    {
        new KeyValuePair<string, object?>("crmsdkgen.fleet.account", account),
        new KeyValuePair<string, object?>("crmsdkgen.fleet.resource", resource),
    };

    public static KeyValuePair<string, object?> Account(string account) => new("crmsdkgen.fleet.account", account);
}
