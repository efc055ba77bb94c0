using System.Text.Json;
using CrmSdkGen.Runtime.Sync;

namespace CrmSdkGen.Tests.Runtime;

/// <summary>Both stores hold records, bases, the outbox, seen keys and checkpoints alike; the SQLite one keeps them across instances.</summary>
public sealed class SyncStoreTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("crmsdkgen-store").FullName;
    private readonly List<IDisposable> _opened = new();

    public static TheoryData<string> Stores => new() { "memory", "sqlite" };

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task A_commit_stores_records_bases_and_its_checkpoint_together(string kind)
    {
        var store = Open(kind);
        await store.CommitAsync(new SyncCommit().Put(SyncRecord.Synced("1", Json("""{"id":"1","name":"Ada"}"""))).Put(SyncRecord.Synced("2", Json("""{"id":"2"}"""))).SetCheckpoint("contacts", "t1"));
        await store.CommitAsync(new SyncCommit()
            .Put(new SyncRecord("1", Json("""{"id":"1","name":"Ada L"}"""), Json("""{"id":"1","name":"Ada"}"""), PendingChange.Update))
            .Remove("2")
            .SetCheckpoint("contacts", "t2"));

        var records = await store.GetAllAsync();
        var one = await store.GetAsync("1");

        Assert.Equal(new[] { "1" }, records.Keys);
        Assert.Equal("Ada L", records["1"].GetProperty("name").GetString());
        Assert.Equal("Ada", one!.Base!.Value.GetProperty("name").GetString());
        Assert.Equal(PendingChange.Update, one.Pending);
        Assert.Equal("t2", await store.GetCheckpointAsync("contacts"));
        Assert.Null(await store.GetAsync("2"));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task The_outbox_keeps_the_order_of_first_local_change_and_hides_local_deletes_from_the_records(string kind)
    {
        var store = Open(kind);
        await store.CommitAsync(new SyncCommit().Put(SyncRecord.Synced("a", Json("""{"id":"a"}"""))).Put(SyncRecord.Synced("b", Json("""{"id":"b"}"""))));
        await store.CommitAsync(new SyncCommit().Put(new SyncRecord("b", Json("""{"id":"b","x":1}"""), Json("""{"id":"b"}"""), PendingChange.Update)));
        await store.CommitAsync(new SyncCommit().Put(new SyncRecord("local-1", Json("""{"x":2}"""), null, PendingChange.Create)));
        await store.CommitAsync(new SyncCommit().Put(new SyncRecord("a", null, Json("""{"id":"a"}"""), PendingChange.Delete)));
        await store.CommitAsync(new SyncCommit().Put(new SyncRecord("b", Json("""{"id":"b","x":3}"""), Json("""{"id":"b"}"""), PendingChange.Update)));

        var outbox = await store.GetPendingAsync();

        Assert.Equal(new[] { "b", "local-1", "a" }, outbox.Select(row => row.Key));
        Assert.Equal(3, outbox[0].Local!.Value.GetProperty("x").GetInt32());
        Assert.Equal(new[] { "b", "local-1" }, (await store.GetAllAsync()).Keys.Order(StringComparer.Ordinal));
        Assert.Equal(new[] { "a" }, (await store.GetManyAsync(["a", "missing"])).Keys);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Unseen_keys_are_those_a_full_listing_has_not_reached_leaving_out_local_creations(string kind)
    {
        var store = Open(kind);
        await store.CommitAsync(new SyncCommit()
            .Put(SyncRecord.Synced("1", Json("{}"))).Put(SyncRecord.Synced("2", Json("{}"))).Put(SyncRecord.Synced("3", Json("{}")))
            .Put(new SyncRecord("local-1", Json("{}"), null, PendingChange.Create))
            .MarkSeen("contacts", ["1", "9"]));
        await store.CommitAsync(new SyncCommit().MarkSeen("contacts", ["3"]));

        Assert.Equal(new[] { "2" }, await store.GetUnseenAsync("contacts"));

        await store.CommitAsync(new SyncCommit().ForgetSeen("contacts").MarkSeen("contacts", ["2"]));

        Assert.Equal(new[] { "1", "3" }, (await store.GetUnseenAsync("contacts")).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_SQLite_store_keeps_records_outbox_and_checkpoints_in_its_file()
    {
        var path = Path.Combine(_directory, "sync.db");
        using (var first = new SqliteSyncStore(path))
        {
            await first.CommitAsync(new SyncCommit()
                .Put(SyncRecord.Synced("1", Json("""{"id":"1","score":1.5}""")))
                .Put(new SyncRecord("local-1", Json("""{"email":"a@example.com"}"""), null, PendingChange.Create))
                .SetCheckpoint("contacts", "cursor-7"));
        }

        using var reopened = new SqliteSyncStore(path);

        Assert.Equal(1.5, (await reopened.GetAsync("1"))!.Local!.Value.GetProperty("score").GetDouble());
        Assert.Equal("local-1", Assert.Single(await reopened.GetPendingAsync()).Key);
        Assert.Equal("cursor-7", await reopened.GetCheckpointAsync("contacts"));
    }

    [Fact]
    public void A_file_whose_table_is_not_a_sync_store_s_is_refused_with_the_reason()
    {
        var path = Path.Combine(_directory, "other.db");
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var create = connection.CreateCommand();
            create.CommandText = "CREATE TABLE contacts (key TEXT PRIMARY KEY, json TEXT NOT NULL);";
            create.ExecuteNonQuery();
        }

        var error = Assert.Throws<InvalidOperationException>(() => new SqliteSyncStore(path, "contacts"));

        Assert.Contains("'contacts'", error.Message, StringComparison.Ordinal);
        Assert.Contains("no 'local' column", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _opened.ForEach(store => store.Dispose());
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on another platform's terms is left to the temp folder's cleanup.
        }
    }

    private ISyncStore Open(string kind)
    {
        if (kind == "memory")
        {
            return new InMemorySyncStore();
        }

        var store = new SqliteSyncStore(Path.Combine(_directory, Guid.NewGuid().ToString("N") + ".db"));
        _opened.Add(store);
        return store;
    }

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;
}
