using System;
using System.Collections.Generic;
using System.Text.Json;
using CrmSdkGen.Runtime.Json;
using CrmSdkGen.Runtime.Sync;
using Microsoft.Data.Sqlite;

namespace CrmSdkGen.Sync.Sqlite;

/// <summary>How records and key lists are written to SQLite values and read back.</summary>
internal static class SqliteRecordColumns
{
    // A record's JSON as SQLite stores it: its UTF-8 bytes as they are where the runtime can reach them (a BLOB, which
    // reads back as the same text), else its text.
    public static object Stored(JsonElement? record) => record switch
    {
        null => DBNull.Value,
#if NET9_0_OR_GREATER
        { } element => System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(element).ToArray(),
#else
        { } element => element.GetRawText(),
#endif
    };

    public static SyncRecord ReadRecord(SqliteDataReader reader)
    {
        var pending = (PendingChange)reader.GetInt32(3);
        var local = reader.IsDBNull(1) ? (JsonElement?)null : Read(reader, 1);
        return new SyncRecord(reader.GetString(0), local, pending == PendingChange.None ? local : reader.IsDBNull(2) ? null : Read(reader, 2), pending);
    }

    public static string JsonArrayOf(IEnumerable<string> keys)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var key in keys)
            {
                writer.WriteStringValue(key);
            }

            writer.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    // The stored UTF-8 bytes, whether SQLite holds them as TEXT or as a BLOB.
    public static JsonElement Read(SqliteDataReader reader, int column) => JsonElements.FromUtf8(reader.GetFieldValue<byte[]>(column));
}
