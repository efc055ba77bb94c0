using System;

namespace CrmSdkGen.Sync.PostgreSql.Fleet;

/// <summary>A job of a leased account that is due to run.</summary>
internal sealed record FleetDueJob(string Resource, TimeSpan Interval, TimeSpan Jitter, int Failures, DateTimeOffset? LastSuccess);
