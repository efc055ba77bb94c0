using CrmSdkGen.Sync.Sqlite;

namespace CrmSdkGen.Runtime.Tests.Stores;

/// <summary>What the SQLite store does beyond the store contract: its arguments and files that are not its own.</summary>
public sealed class SqliteSyncStoreTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void The_SQLite_store_refuses_a_missing_path_or_collection()
    {
        Assert.Equal("path", Assert.Throws<ArgumentNullException>(() => new SqliteSyncStore(null!, "contacts")).ParamName);
        Assert.Throws<ArgumentException>(() => new SqliteSyncStore(_folder.File("empty.db"), string.Empty));
        Assert.Throws<ArgumentException>(() => new SqliteSyncStore(_folder.File("bad.db"), "contacts; DROP TABLE x"));
    }

    [Fact]
    public void A_file_whose_table_is_not_a_sync_store_s_is_refused_with_the_reason()
    {
        var path = _folder.File("other.db");
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

    [Fact]
    public async Task Two_collections_in_one_file_keep_their_records_apart()
    {
        var path = _folder.File("two.db");
        using var contacts = new SqliteSyncStore(path, "contacts");
        using var deals = new SqliteSyncStore(path, "deals");
        await contacts.CommitAsync(new CrmSdkGen.Runtime.Sync.SyncCommit().Put(CrmSdkGen.Runtime.Sync.SyncRecord.Synced("1", System.Text.Json.JsonDocument.Parse("{}").RootElement.Clone())));

        Assert.Single(await contacts.GetAllAsync());
        Assert.Empty(await deals.GetAllAsync());
    }
}
