using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Data.Sqlite;

namespace CrmSdkGen.Sync.Sqlite;

/// <summary>
/// The commands of one connection: prepared statements kept for its life (the statements every commit and page read
/// run would otherwise be prepared again each time), one-off commands, and the check of a table's columns.
/// </summary>
internal sealed class SqliteStatements : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    public SqliteStatements(SqliteConnection connection) => _connection = connection;

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
    }
}
