using System;
using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CrmSdkGen.Runtime.Sync;

/// <summary>
/// How far a resource's sync got, stored as JSON in the same transaction as the records it covers: the watermark or
/// change token of the last completed pull, and where a pull in progress stands (its page token, the newest change it
/// has seen, whether it lists everything and whether only its reconciliation is left).
/// </summary>
internal sealed class SyncCheckpoint
{
    public DateTimeOffset? Watermark { get; set; }

    public string? ChangeToken { get; set; }

    public bool InProgress { get; set; }

    public bool Full { get; set; }

    public bool Reconciling { get; set; }

    public DateTimeOffset? Since { get; set; }

    public string? PageToken { get; set; }

    public DateTimeOffset? MaxSeen { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    /// <summary>Whether any pull has completed.</summary>
    public bool HasCompleted { get; set; }

    /// <summary>When the last full listing started, if one completed.</summary>
    public DateTimeOffset? LastFullListing { get; set; }

    public static SyncCheckpoint Parse(string? json)
    {
        var checkpoint = new SyncCheckpoint();
        if (json is null)
        {
            return checkpoint;
        }

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        checkpoint.Watermark = Instant(root, "watermark");
        checkpoint.ChangeToken = Text(root, "changeToken");
        checkpoint.HasCompleted = Flag(root, "completed");
        checkpoint.LastFullListing = Instant(root, "lastFullListing");
        checkpoint.InProgress = Flag(root, "inProgress");
        checkpoint.Full = Flag(root, "full");
        checkpoint.Reconciling = Flag(root, "reconciling");
        checkpoint.Since = Instant(root, "since");
        checkpoint.PageToken = Text(root, "pageToken");
        checkpoint.MaxSeen = Instant(root, "maxSeen");
        checkpoint.StartedAt = Instant(root, "startedAt") ?? default;
        return checkpoint;
    }

    public string ToJson()
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            WriteInstant(writer, "watermark", Watermark);
            WriteText(writer, "changeToken", ChangeToken);
            writer.WriteBoolean("completed", HasCompleted);
            WriteInstant(writer, "lastFullListing", LastFullListing);
            if (InProgress)
            {
                writer.WriteBoolean("inProgress", true);
                writer.WriteBoolean("full", Full);
                writer.WriteBoolean("reconciling", Reconciling);
                WriteInstant(writer, "since", Since);
                WriteText(writer, "pageToken", PageToken);
                WriteInstant(writer, "maxSeen", MaxSeen);
                WriteInstant(writer, "startedAt", StartedAt);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteInstant(Utf8JsonWriter writer, string name, DateTimeOffset? value)
    {
        if (value is { } instant)
        {
            writer.WriteString(name, instant.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
        }
    }

    private static void WriteText(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static DateTimeOffset? Instant(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) ? DateTimeOffset.Parse(value.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind) : null;

    private static string? Text(JsonElement root, string name) => root.TryGetProperty(name, out var value) ? value.GetString() : null;

    private static bool Flag(JsonElement root, string name) => root.TryGetProperty(name, out var value) && value.GetBoolean();
}
