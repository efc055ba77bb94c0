using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;

namespace CrmSdkGen.Sync.PostgreSql;

/// <summary>
/// The tables of the store and the fleet in one PostgreSQL schema, created and migrated by version: each migration runs
/// once, in order, in one transaction under an advisory lock, so that workers starting together migrate it once.
/// </summary>
public static class PostgreSqlSchema
{
    /// <summary>The schema used when none is named.</summary>
    public const string DefaultName = "crmsdkgen";

    private static readonly ConcurrentDictionary<string, Lazy<Task>> Migrated = new(StringComparer.Ordinal);

    /// <summary>The version the migrations bring a schema to.</summary>
    public static int CurrentVersion => PostgreSqlMigrations.All.Count;

    /// <summary>Creates the schema or brings it to <see cref="CurrentVersion"/>; returns the version it found.</summary>
    /// <exception cref="InvalidOperationException">The schema was made by a newer version of this package.</exception>
    public static async Task<int> MigrateAsync(NpgsqlDataSource dataSource, string schema = DefaultName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        RequireName(schema);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock(hashtext('crmsdkgen-schema:{schema}'));", cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, $"CREATE SCHEMA IF NOT EXISTS {schema}; CREATE TABLE IF NOT EXISTS {schema}.schema_version (version integer NOT NULL);", cancellationToken).ConfigureAwait(false);
        await using var read = new NpgsqlCommand($"SELECT max(version) FROM {schema}.schema_version;", connection, transaction);
        var found = await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is int version ? version : 0;
        if (found > CurrentVersion)
        {
            throw new InvalidOperationException($"The schema '{schema}' is at version {found}, made by a newer CrmSdkGen.Sync.PostgreSql than this one (version {CurrentVersion}).");
        }

        for (var next = found; next < CurrentVersion; next++)
        {
            await ExecuteAsync(connection, transaction, PostgreSqlMigrations.All[next].Replace("{s}", schema, StringComparison.Ordinal), cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, $"INSERT INTO {schema}.schema_version (version) VALUES ({next + 1});", cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return found;
    }

    // Each data source's schema is migrated once per process; a failure is not kept, so the next use tries again.
    internal static async Task EnsureAsync(NpgsqlDataSource dataSource, string schema, CancellationToken cancellationToken)
    {
        var key = dataSource.ConnectionString + "|" + schema;
        var migration = Migrated.GetOrAdd(key, _ => new Lazy<Task>(() => MigrateAsync(dataSource, schema, CancellationToken.None)));
        try
        {
            await migration.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Migrated.TryRemove(new KeyValuePair<string, Lazy<Task>>(key, migration));
            throw;
        }
    }

    internal static void RequireName(string schema)
    {
        ArgumentException.ThrowIfNullOrEmpty(schema);
        for (var index = 0; index < schema.Length; index++)
        {
            var character = schema[index];
            if (!(char.IsAsciiLetterLower(character) || character == '_' || (index > 0 && char.IsAsciiDigit(character))))
            {
                throw new ArgumentException("A schema name has lower-case letters, digits and '_' only, and starts with a letter or '_'.", nameof(schema));
            }
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
