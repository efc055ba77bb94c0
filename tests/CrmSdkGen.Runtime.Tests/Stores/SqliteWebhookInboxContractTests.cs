using CrmSdkGen.Runtime.Webhooks;
using CrmSdkGen.Sync.Sqlite;
using CrmSdkGen.Testing.Webhooks;

namespace CrmSdkGen.Runtime.Tests.Stores;

/// <summary>The webhook inbox contract, run against the SQLite inbox: each inbox in a file of its own, reopened from the file.</summary>
public sealed class SqliteWebhookInboxContractTests : WebhookInboxContractTests
{
    private readonly TemporaryFolder _folder = new();
    private readonly Dictionary<IWebhookInbox, string> _paths = new();

    protected override IWebhookInbox CreateInbox()
    {
        var path = _folder.File(Guid.NewGuid().ToString("N") + ".db");
        var inbox = new SqliteWebhookInbox(path);
        _paths[inbox] = path;
        return inbox;
    }

    protected override IWebhookInbox ReopenInbox(IWebhookInbox inbox)
    {
        ((SqliteWebhookInbox)inbox).Dispose();
        return new SqliteWebhookInbox(_paths[inbox]);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _folder.Dispose();
    }
}
