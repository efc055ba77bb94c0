using CrmSdkGen.Sync.PostgreSql;
using Npgsql;

namespace CrmSdkGen.Fleet.Tests.Fleet;

/// <summary>The schema is created once, migrated by version, kept apart per schema name, and refused when a newer package made it.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class SchemaMigrationTests(PostgreSqlCluster cluster)
{
    [Fact]
    public async Task Workers_starting_together_migrate_a_schema_once_and_later_runs_find_it_current()
    {
        await using var database = await cluster.CreateDatabaseAsync();

        var found = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => PostgreSqlSchema.MigrateAsync(database, "tenant_a")));

        Assert.Equal(1, found.Count(version => version == 0));
        Assert.Equal(3, found.Count(version => version == PostgreSqlSchema.CurrentVersion));
        Assert.Equal(PostgreSqlSchema.CurrentVersion, await PostgreSqlSchema.MigrateAsync(database, "tenant_a"));
        Assert.Equal(0, await PostgreSqlSchema.MigrateAsync(database, "tenant_b"));
    }

    [Fact]
    public async Task A_schema_made_by_a_newer_package_is_refused_with_its_version()
    {
        await using var database = await cluster.CreateDatabaseAsync();
        await PostgreSqlSchema.MigrateAsync(database, "newer");
        await using (var command = database.CreateCommand("INSERT INTO newer.schema_version (version) VALUES (99);"))
        {
            await command.ExecuteNonQueryAsync();
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => PostgreSqlSchema.MigrateAsync(database, "newer"));

        Assert.Contains("version 99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Schema_names_that_are_not_plain_identifiers_are_refused()
    {
        using var database = NpgsqlDataSource.Create("Host=127.0.0.1");
        Assert.Throws<ArgumentException>(() => new PostgreSqlSyncStore(database, "a", "contacts", "x; DROP TABLE y"));
        Assert.Throws<ArgumentException>(() => new PostgreSqlSyncStore(database, "a", "contacts", "Upper"));
        Assert.Throws<ArgumentException>(() => new PostgreSqlSyncStore(database, string.Empty, "contacts"));
    }
}
