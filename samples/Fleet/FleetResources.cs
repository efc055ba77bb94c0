using Acme.Accounts;
using CrmSdkGen.Runtime.Auth;
using CrmSdkGen.Sync.PostgreSql.Fleet;

namespace FleetSample;

/// <summary>The resources the sample's workers sync: each account's contacts and companies, through the generated client.</summary>
public static class FleetResources
{
    public static readonly string[] Names = ["contacts", "companies"];

    public static FleetOptions AddAccountsCrm(this FleetOptions options)
    {
        options.AddResource("contacts", job => new ContactsSyncAdapter(Client(job)));
        options.AddResource("companies", job => new CompaniesSyncAdapter(Client(job)));
        return options;
    }

    private static AccountsClient Client(FleetJobContext job) => new(job.Http, new AccountsClientOptions { ApiKey = (ApiKeyCredential)job.Credential });
}
