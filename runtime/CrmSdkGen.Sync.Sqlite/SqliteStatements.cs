using System;
using System.Collections.Generic;
using Microsoft.Data.Sqlite;

namespace CrmSdkGen.Sync.Sqlite;

/// <summary>
/// Prepared statements of one connection, kept for its life: the statements every commit and page read run would
/// otherwise be prepared again each time.
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

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
    }
}
