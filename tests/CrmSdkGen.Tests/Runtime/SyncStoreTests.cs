using System.Text.Json;
using CrmSdkGen.Runtime.Diff;
using CrmSdkGen.Runtime.Sync;

namespace CrmSdkGen.Tests.Runtime;

/// <summary>Both stores apply change sets with their checkpoint all or nothing; the SQLite one keeps them across instances.</summary>
public sealed class SyncStoreTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("crmsdkgen-store").FullName;
    private readonly List<IDisposable> _opened = new();

    public static TheoryData<string> Stores => new() { "memory", "sqlite" };

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task A_change_set_and_its_checkpoint_are_stored_together(string kind)
    {
        var store = Open(kind);
        await store.ApplyAsync(new ChangeSet([RecordChange.Created("1", Json("""{"id":"1","name":"Ada"}""")), RecordChange.Created("2", Json("""{"id":"2"}"""))]), "contacts", "2024-01-01T00:00:00Z");
        await store.ApplyAsync(new ChangeSet([RecordChange.Updated("1", [new JsonPatchOperation("replace", "/name", Value: Json("\"Ada L\""))]), RecordChange.Deleted("2")]), "contacts", "2024-01-02T00:00:00Z");

        var records = await store.GetAllAsync();

        Assert.Equal(new[] { "1" }, records.Keys);
        Assert.Equal("Ada L", records["1"].GetProperty("name").GetString());
        Assert.Equal("2024-01-02T00:00:00Z", await store.GetCheckpointAsync("contacts"));
        Assert.Null(await store.GetAsync("2"));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task A_change_set_that_fails_part_way_leaves_records_and_checkpoint_as_they_were(string kind)
    {
        var store = Open(kind);
        await store.ApplyAsync(new ChangeSet([RecordChange.Created("1", Json("""{"id":"1"}"""))]), "contacts", "t1");

        var failing = new ChangeSet([RecordChange.Created("3", Json("""{"id":"3"}""")), RecordChange.Deleted("missing")]);

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.ApplyAsync(failing, "contacts", "t2"));
        Assert.Equal(new[] { "1" }, (await store.GetAllAsync()).Keys);
        Assert.Equal("t1", await store.GetCheckpointAsync("contacts"));
    }

    [Fact]
    public async Task The_SQLite_store_keeps_records_and_checkpoints_in_its_file()
    {
        var path = Path.Combine(_directory, "sync.db");
        using (var first = new SqliteSyncStore(path))
        {
            await first.ApplyAsync(new ChangeSet([RecordChange.Created("1", Json("""{"id":"1","score":1.5}"""))]), "contacts", "cursor-7");
        }

        using var reopened = new SqliteSyncStore(path);

        Assert.Equal(1.5, (await reopened.GetAsync("1"))!.Value.GetProperty("score").GetDouble());
        Assert.Equal("cursor-7", await reopened.GetCheckpointAsync("contacts"));
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
