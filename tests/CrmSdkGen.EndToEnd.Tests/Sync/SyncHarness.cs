using System.Text.Json;
using Acme.Crm;
using CrmSdkGen.Runtime.Auth;
using CrmSdkGen.Runtime.Sync;
using CrmSdkGen.Sync.Sqlite;
using Quickstart;

namespace CrmSdkGen.EndToEnd.Tests.Sync;

/// <summary>A local CRM on 127.0.0.1, a generated client and adapter for it, and a SQLite store in a temporary folder.</summary>
public sealed class SyncHarness : IAsyncDisposable
{
    public const string ApiKey = "sync-key";
    private readonly string _directory = Directory.CreateTempSubdirectory("crmsdkgen-sync").FullName;
    private readonly List<IDisposable> _disposables = new();

    private SyncHarness(ContactsServer server)
    {
        Server = server;
        Http = new HttpClient { BaseAddress = server.BaseAddress };
        Client = new AcmeCrmClient(Http, new AcmeCrmClientOptions { ApiKey = new ApiKeyCredential(ApiKey) });
        StorePath = Path.Combine(_directory, "contacts.db");
        Store = OpenStore();
    }

    public ContactsServer Server { get; }

    public HttpClient Http { get; }

    public AcmeCrmClient Client { get; }

    public string StorePath { get; }

    public SqliteSyncStore Store { get; }

    public static async Task<SyncHarness> StartAsync() => new(await ContactsServer.StartAsync(ApiKey));

    public SqliteSyncStore OpenStore()
    {
        var store = new SqliteSyncStore(StorePath);
        _disposables.Add(store);
        return store;
    }

    public SyncEngine Engine(SyncOptions? options = null, Action<SyncAdapterOptions>? configure = null) =>
        new(new ContactsSyncAdapter(Client, configure), Store, options);

    /// <summary>Adds contacts on the server as another user of the CRM would.</summary>
    public List<string> Seed(int count, string prefix = "seed")
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var contact = Server.Contacts.Create(new System.Text.Json.Nodes.JsonObject { ["email"] = $"{prefix}{i}@example.com", ["firstName"] = $"{prefix} {i}" });
            ids.Add((string)contact["id"]!);
        }

        return ids;
    }

    /// <summary>Asserts that the store holds exactly the server's live contacts, each equal to the server's.</summary>
    public static Task AssertStoreEqualsServer(ISyncStore store, ContactsServer server) => StoreAssert.HoldsExactly(store, server.Contacts.Snapshot());

    public Task AssertStoreEqualsServer() => AssertStoreEqualsServer(Store, Server);

    public static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();

    public async ValueTask DisposeAsync()
    {
        _disposables.ForEach(disposable => disposable.Dispose());
        Http.Dispose();
        await Server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left to the temporary folder's cleanup.
        }
    }
}
