using System.Text.Json;
using Acme.Objects;
using CrmSdkGen.Runtime.Auth;
using CrmSdkGen.Runtime.Sync;
using CrmSdkGen.Sync.Sqlite;

namespace CrmSdkGen.EndToEnd.Tests.HubSpot;

/// <summary>A HubSpot-shaped CRM on 127.0.0.1, a client generated from its spec, and a SQLite store in a temporary folder.</summary>
public sealed class HubSpotSyncHarness : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("crmsdkgen-hubspot").FullName;
    private readonly List<IDisposable> _disposables = new();

    private HubSpotSyncHarness(HubSpotShapedServer server)
    {
        Server = server;
        Http = new HttpClient { BaseAddress = server.BaseAddress };
        // A private-app token is a bearer token for the spec's oauth2 scheme.
        Client = new ObjectsClient(Http, new ObjectsClientOptions { Oauth2 = new BearerTokenCredential(server.Token) });
        StorePath = Path.Combine(_directory, "crm.db");
        Store = new SqliteSyncStore(StorePath, "contacts");
        _disposables.Add(Store);
    }

    public HubSpotShapedServer Server { get; }

    public HttpClient Http { get; }

    public ObjectsClient Client { get; }

    public string StorePath { get; }

    public SqliteSyncStore Store { get; }

    public static async Task<HubSpotSyncHarness> StartAsync() => new(await HubSpotShapedServer.StartAsync());

    public SyncEngine Engine(Action<SyncAdapterOptions>? configure = null, SyncOptions? options = null) =>
        new(new ContactsSyncAdapter(Client, configure), Store, options ?? new SyncOptions { Overlap = TimeSpan.Zero });

    public List<long> Seed(int count, string prefix = "seed") =>
        Enumerable.Range(0, count)
            .Select(i => long.Parse((string)Server.Contacts.Create(new Dictionary<string, string?> { ["email"] = $"{prefix}{i}@example.com", ["firstname"] = $"{prefix} {i}" })["id"]!, System.Globalization.CultureInfo.InvariantCulture))
            .ToList();

    /// <summary>Asserts that the store holds exactly the server's live contacts, each equal to the server's.</summary>
    public Task AssertStoreEqualsServer() => Sync.StoreAssert.HoldsExactly(Store, Server.Contacts.Snapshot());

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
