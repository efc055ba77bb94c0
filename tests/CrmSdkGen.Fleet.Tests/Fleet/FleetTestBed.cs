using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using CrmSdkGen.Runtime.Auth;
using CrmSdkGen.Sync.PostgreSql.Fleet;
using FleetSample;
using Npgsql;

namespace CrmSdkGen.Fleet.Tests.Fleet;

/// <summary>A database of its own, the multi-account CRM, and the keys of its accounts, for one fleet test.</summary>
public sealed class FleetTestBed : IAsyncDisposable, IFleetCredentialProvider
{
    private readonly ConcurrentDictionary<string, string> _keys = new(StringComparer.Ordinal);

    private FleetTestBed(NpgsqlDataSource database, AccountsCrm crm)
    {
        Database = database;
        Crm = crm;
        Admin = new FleetAdmin(database);
    }

    public NpgsqlDataSource Database { get; }

    public AccountsCrm Crm { get; }

    public FleetAdmin Admin { get; }

    /// <summary>How many times a worker asked for each account's credential.</summary>
    public ConcurrentDictionary<string, int> CredentialRequests { get; } = new(StringComparer.Ordinal);

    public static async Task<FleetTestBed> StartAsync(PostgreSqlCluster cluster) => new(await cluster.CreateDatabaseAsync(), await AccountsCrm.StartAsync());

    /// <summary>An account in the CRM and in the fleet, with <paramref name="contacts"/> contacts and <paramref name="companies"/> companies, and a job per resource.</summary>
    public async Task<CrmAccount> AddAccountAsync(string name, int contacts = 5, int companies = 2, int limit = 1000, TimeSpan? window = null, FleetRateBudget? budget = null, TimeSpan? interval = null)
    {
        var key = "secret-key-" + Guid.NewGuid().ToString("N");
        _keys[name] = key;
        var account = Crm.AddAccount(name, key, limit, window ?? TimeSpan.FromSeconds(1));
        for (var index = 0; index < contacts; index++)
        {
            account.Contacts.Create(new JsonObject { ["email"] = $"c{index}@{name}.example", ["name"] = "Contact " + index });
        }

        for (var index = 0; index < companies; index++)
        {
            account.Companies.Create(new JsonObject { ["name"] = "Company " + index, ["domain"] = $"co{index}.{name}.example" });
        }

        await Admin.AddAccountAsync(name, budget);
        foreach (var resource in FleetResources.Names)
        {
            await Admin.AddJobAsync(name, resource, interval ?? TimeSpan.FromMinutes(10));
        }

        return account;
    }

    public string KeyOf(string account) => _keys[account];

    /// <summary>Options for an in-process worker of this bed: short leases, polls and backoffs.</summary>
    public FleetOptions Options(string? workerId = null)
    {
        var options = new FleetOptions
        {
            Credentials = this,
            BaseAddress = _ => Crm.BaseAddress,
            LeaseDuration = TimeSpan.FromSeconds(30),
            PollInterval = TimeSpan.FromMilliseconds(50),
            BaseBackoff = TimeSpan.FromMilliseconds(1),
            MaxBackoff = TimeSpan.FromMilliseconds(5),
        }.AddAccountsCrm();
        if (workerId is not null)
        {
            options.WorkerId = workerId;
        }

        return options;
    }

    /// <summary>Runs due accounts with <paramref name="worker"/> until none is due.</summary>
    public static async Task<int> DrainAsync(FleetWorker worker)
    {
        var ran = 0;
        while (await worker.RunDueAccountAsync())
        {
            ran++;
        }

        return ran;
    }

    public ValueTask<ApiCredential> GetCredentialAsync(string account, CancellationToken cancellationToken)
    {
        CredentialRequests.AddOrUpdate(account, 1, (_, count) => count + 1);
        return ValueTask.FromResult<ApiCredential>(new ApiKeyCredential(_keys[account]));
    }

    public async ValueTask DisposeAsync()
    {
        await Crm.DisposeAsync();
        await Database.DisposeAsync();
    }
}
