using System;
using System.Buffers;
using System.Text;
using System.Text.Json;

namespace CrmSdkGen.Runtime.Sync;

/// <summary>
/// Where a search pull stands, carried in the page token (and so in the checkpoint): the instants still to cover, the
/// slice being paged, within it the key range when one millisecond holds more results than the cap, and the tombstone
/// listing once the search is done. Instants are Unix milliseconds; ranges include their start and exclude their end.
/// </summary>
internal sealed class SyncSearchState
{
    /// <summary>The first instant not yet covered.</summary>
    public long From { get; set; }

    /// <summary>The instant the whole pull stops at: its start.</summary>
    public long To { get; set; }

    /// <summary>The end of the slice being paged.</summary>
    public long End { get; set; }

    /// <summary>The paging token within the slice.</summary>
    public string? After { get; set; }

    /// <summary>The number of results the slice had on its first page; a change means records moved and the slice starts again.</summary>
    public long? Total { get; set; }

    public int Restarts { get; set; }

    /// <summary>Within a one-millisecond slice: keys above this one.</summary>
    public string? KeyAfter { get; set; }

    /// <summary>Within a one-millisecond slice: keys up to this one.</summary>
    public string? KeyEnd { get; set; }

    /// <summary>Whether the slice is split by key.</summary>
    public bool ByKey { get; set; }

    /// <summary>Whether the search is done and the tombstone listing runs.</summary>
    public bool Tombstones { get; set; }

    /// <summary>The page token of the tombstone listing.</summary>
    public string? ListToken { get; set; }

    public static SyncSearchState? Parse(string? token)
    {
        if (token is null || !token.StartsWith("search:", StringComparison.Ordinal))
        {
            return null;
        }

        using var document = JsonDocument.Parse(token.AsMemory("search:".Length));
        var root = document.RootElement;
        return new SyncSearchState
        {
            From = root.GetProperty("from").GetInt64(),
            To = root.GetProperty("to").GetInt64(),
            End = root.GetProperty("end").GetInt64(),
            After = Text(root, "after"),
            Total = root.TryGetProperty("total", out var total) ? total.GetInt64() : null,
            Restarts = root.TryGetProperty("restarts", out var restarts) ? restarts.GetInt32() : 0,
            KeyAfter = Text(root, "keyAfter"),
            KeyEnd = Text(root, "keyEnd"),
            ByKey = root.TryGetProperty("byKey", out var byKey) && byKey.GetBoolean(),
            Tombstones = root.TryGetProperty("tombstones", out var tombstones) && tombstones.GetBoolean(),
            ListToken = Text(root, "list"),
        };
    }

    public string ToToken()
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("from", From);
            writer.WriteNumber("to", To);
            writer.WriteNumber("end", End);
            WriteText(writer, "after", After);
            if (Total is { } total)
            {
                writer.WriteNumber("total", total);
            }

            if (Restarts > 0)
            {
                writer.WriteNumber("restarts", Restarts);
            }

            WriteText(writer, "keyAfter", KeyAfter);
            WriteText(writer, "keyEnd", KeyEnd);
            if (ByKey)
            {
                writer.WriteBoolean("byKey", true);
            }

            if (Tombstones)
            {
                writer.WriteBoolean("tombstones", true);
            }

            WriteText(writer, "list", ListToken);
            writer.WriteEndObject();
        }

        return "search:" + Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteText(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static string? Text(JsonElement root, string name) => root.TryGetProperty(name, out var value) ? value.GetString() : null;
}
