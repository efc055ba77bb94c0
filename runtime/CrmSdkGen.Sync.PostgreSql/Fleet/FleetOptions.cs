using System;
using System.Collections.Generic;
using CrmSdkGen.Runtime.Sync;

namespace CrmSdkGen.Sync.PostgreSql.Fleet;

/// <summary>How a fleet worker runs its jobs.</summary>
public sealed class FleetOptions
{
    private readonly Dictionary<string, Func<FleetJobContext, SyncAdapter>> _resources = new(StringComparer.Ordinal);

    /// <summary>The worker's name in the leases it holds; unique per worker (by default host, process and a random part).</summary>
    public string WorkerId { get; set; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>The PostgreSQL schema of the fleet's and the stores' tables.</summary>
    public string Schema { get; set; } = PostgreSqlSchema.DefaultName;

    /// <summary>How long a lease lasts without renewal: a worker that dies holds its account this long at most. Renewed every third of it.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an idle worker waits before looking for a due job again (with up to half of it added at random).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The wait after a first failure; it doubles with each failure in a row, up to <see cref="MaxBackoff"/>, with jitter.</summary>
    public TimeSpan BaseBackoff { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest wait between failed runs.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Failed runs in a row after which a job is marked failed and no longer run until resumed.</summary>
    public int MaxFailures { get; set; } = 10;

    /// <summary>401 or 403 answers in a row after which the account is paused, with the reason stored, until resumed.</summary>
    public int PauseAfterAuthFailures { get; set; } = 3;

    /// <summary>
    /// Added to every rate budget's window, so that requests granted just inside a window cannot reach the CRM inside
    /// the next one after a delay on the way (a grant that takes more than half of it to reach the worker is dropped).
    /// On a busy machine a request can take hundreds of milliseconds from its grant to the CRM's door.
    /// </summary>
    public TimeSpan RateMargin { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Each account's credential. Required.</summary>
    public IFleetCredentialProvider? Credentials { get; set; }

    /// <summary>Each account's API base address (Salesforce instance URLs and Zoho data centres differ per account); null leaves the generated client's own.</summary>
    public Func<string, Uri?>? BaseAddress { get; set; }

    /// <summary>The sync options of each (account, resource) job; null uses the defaults.</summary>
    public Func<string, string, SyncOptions>? SyncOptions { get; set; }

    /// <summary>The resources this worker can sync, by name.</summary>
    public IReadOnlyDictionary<string, Func<FleetJobContext, SyncAdapter>> Resources => _resources;

    /// <summary>Registers how to make the adapter of <paramref name="resource"/> for one run of one account's job.</summary>
    /// <example><code>options.AddResource("contacts", job => new ContactsSyncAdapter(new CrmClient(job.Http, new CrmClientOptions { ApiKey = (ApiKeyCredential)job.Credential })));</code></example>
    public FleetOptions AddResource(string resource, Func<FleetJobContext, SyncAdapter> adapter)
    {
        ArgumentException.ThrowIfNullOrEmpty(resource);
        _resources[resource] = adapter ?? throw new ArgumentNullException(nameof(adapter));
        return this;
    }
}
