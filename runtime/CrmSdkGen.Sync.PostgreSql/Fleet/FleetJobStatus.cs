using System;

namespace CrmSdkGen.Sync.PostgreSql.Fleet;

/// <summary>Where one (account, resource) job stands.</summary>
/// <param name="Account">The account.</param>
/// <param name="Resource">The resource.</param>
/// <param name="Interval">How often it runs.</param>
/// <param name="NextRun">When it runs next.</param>
/// <param name="Runs">How many runs ended, successful or not.</param>
/// <param name="Failures">Failed runs since the last success.</param>
/// <param name="LastError">Why the last run failed, if it did.</param>
/// <param name="FailedReason">Set when the job failed too often and is no longer run, until resumed.</param>
/// <param name="LastSuccess">When a run last succeeded.</param>
public sealed record FleetJobStatus(
    string Account,
    string Resource,
    TimeSpan Interval,
    DateTimeOffset NextRun,
    long Runs,
    int Failures,
    string? LastError,
    string? FailedReason,
    DateTimeOffset? LastSuccess);
