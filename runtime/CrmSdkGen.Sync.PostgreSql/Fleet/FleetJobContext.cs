using System.Net.Http;
using CrmSdkGen.Runtime.Auth;

namespace CrmSdkGen.Sync.PostgreSql.Fleet;

/// <summary>
/// What a resource's adapter factory gets for one run of one job: the account, its credential, and the HTTP client to
/// build the generated client on. Every request sent through <see cref="Http"/> is first granted by the account's rate
/// budget, and refused once the worker no longer holds the account's lease.
/// </summary>
public sealed class FleetJobContext
{
    internal FleetJobContext(string account, string resource, ApiCredential credential, HttpClient http)
    {
        (Account, Resource, Credential, Http) = (account, resource, credential, http);
    }

    /// <summary>The account (portal, org, company) the job syncs.</summary>
    public string Account { get; }

    /// <summary>The resource the job syncs, as registered with <see cref="FleetOptions.AddResource"/>.</summary>
    public string Resource { get; }

    /// <summary>The account's credential from the <see cref="IFleetCredentialProvider"/>.</summary>
    public ApiCredential Credential { get; }

    /// <summary>The HTTP client for this run, its base address set by <see cref="FleetOptions.BaseAddress"/>.</summary>
    public HttpClient Http { get; }
}
