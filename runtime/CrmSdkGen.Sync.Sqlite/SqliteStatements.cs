using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;

namespace CrmSdkGen.Sync.Sqlite;

/// <summary>
/// One SQLite file's connection (write-ahead log) and its commands: prepared statements kept for its life (the
/// statements every commit and page read run would otherwise be prepared again each time), one-off commands, the
/// check of a table's columns, and the gate that lets one call at a time use the connection.
/// </summary>
internal sealed class SqliteStatements : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _gate = new(1, 1);

    private SqliteStatements(SqliteConnection connection) => _connection = connection;

    public SqliteConnection Connection => _connection;

    /// <summary>Opens <paramref name="path"/> (creating it if needed) and runs <paramref name="schema"/>, the file's tables.</summary>
    public static SqliteStatements Open(string path, string schema)
    {
        var statements = new SqliteStatements(new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()));
        try
        {
            statements._connection.Open();
            statements.Execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;\n" + schema);
            return statements;
        }
        catch
        {
            statements.Dispose();
            throw;
        }
    }

    /// <summary>Runs <paramref name="work"/> alone on the connection.</summary>
    public async Task<T> Locked<T>(CancellationToken cancellationToken, Func<T> work)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return work();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The statement for <paramref name="sql"/> in <paramref name="transaction"/>, with its parameters in the order named; set their values before running it, and do not dispose it.</summary>
    public SqliteCommand Get(string sql, SqliteTransaction? transaction, params string[] parameters)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = _connection.CreateCommand();
            command.CommandText = sql;
            foreach (var name in parameters)
            {
                command.Parameters.Add(new SqliteParameter(name, DBNull.Value));
            }

            _commands[sql] = command;
        }

        command.Transaction = transaction;
        return command;
    }

    public SqliteCommand Command(string sql, SqliteTransaction? transaction, params (string Name, string? Value)[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, (object?)value ?? DBNull.Value);
        }

        return command;
    }

    // A table of the same name made by something else (or an older layout) fails here, clearly, not at the first query.
    public void RequireColumns(string table, params string[] columns)
    {
        var present = new HashSet<string>(StringComparer.Ordinal);
        using (var info = Command($"PRAGMA table_info({table});", null))
        using (var reader = info.ExecuteReader())
        {
            while (reader.Read())
            {
                present.Add(reader.GetString(1));
            }
        }

        if (columns.FirstOrDefault(column => !present.Contains(column)) is { } missing)
        {
            throw new InvalidOperationException($"The table '{table}' in {_connection.DataSource} is not a sync store's (it has no '{missing}' column); use another file or collection name.");
        }
    }

    public void Execute(string sql)
    {
        using var command = Command(sql, null);
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
        _connection.Dispose();
        _gate.Dispose();
    }
}
