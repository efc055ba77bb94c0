using System.Text.Json;
using CrmSdkGen.Runtime.Json;
using CrmSdkGen.Runtime.Sync;
using CrmSdkGen.Sync.PostgreSql.Fleet;

namespace CrmSdkGen.Fleet.Tests.Fleet;

/// <summary>
/// A full listing of one page holding one record named after the worker, handed out only when the test opens the
/// gate; when <see cref="SendFirst"/> is set, a page of the CRM's contacts is asked for through the job's HTTP client after the gate.
/// </summary>
public sealed class GatedAdapter(FleetJobContext job, string record, TaskCompletionSource? gate, TaskCompletionSource? reached, bool sendFirst) : SyncAdapter(new SyncAdapterOptions { Resource = job.Resource, PullMode = SyncPullMode.Full })
{
    public bool SendFirst { get; } = sendFirst;

    public override async Task<SyncPage> FetchPageAsync(SyncPageRequest request, CancellationToken cancellationToken)
    {
        reached?.TrySetResult();
        if (gate is not null)
        {
            await gate.Task;
        }

        if (SendFirst)
        {
            // With the account's key, so that the CRM counts the request.
            var client = new Acme.Accounts.AccountsClient(job.Http, new Acme.Accounts.AccountsClientOptions { ApiKey = (CrmSdkGen.Runtime.Auth.ApiKeyCredential)job.Credential });
            await client.Contacts.ListContactsJsonAsync(limit: 1, cancellationToken: CancellationToken.None);
        }

        JsonElement page = JsonElements.FromText($$"""{"id":"{{record}}","name":"{{record}}"}""");
        return new SyncPage([page], null);
    }
}
