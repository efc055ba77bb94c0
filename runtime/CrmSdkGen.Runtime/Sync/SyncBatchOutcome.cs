using System;
using System.Text.Json;

namespace CrmSdkGen.Runtime.Sync;

/// <summary>What became of one record of a batch call: the CRM applied it, has no such record, refused it, or did not get to it.</summary>
public sealed class SyncBatchOutcome
{
    private SyncBatchOutcome(SyncBatchOutcomeKind kind, JsonElement? record, int? status, string? error)
    {
        Kind = kind;
        Record = record;
        Status = status;
        Error = error;
    }

    /// <summary>What became of the record.</summary>
    public SyncBatchOutcomeKind Kind { get; }

    /// <summary>For <see cref="SyncBatchOutcomeKind.Applied"/>, the record as the CRM stored it.</summary>
    public JsonElement? Record { get; }

    /// <summary>The HTTP status the CRM gave this record's failure, where it gave one.</summary>
    public int? Status { get; }

    /// <summary>For <see cref="SyncBatchOutcomeKind.Failed"/>, the CRM's reason.</summary>
    public string? Error { get; }

    /// <summary>The CRM applied the change and answered with the record as stored.</summary>
    public static SyncBatchOutcome Applied(JsonElement record) => new(SyncBatchOutcomeKind.Applied, record.Clone(), null, null);

    /// <summary>The CRM has no record with this key (deleted or merged away): it goes the way of a single-record 404.</summary>
    public static SyncBatchOutcome Missing() => new(SyncBatchOutcomeKind.Missing, null, 404, null);

    /// <summary>The CRM refused this record (invalid value, duplicate, ...); it stays in the outbox and is tried again later.</summary>
    public static SyncBatchOutcome Failed(string error, int? status = null) =>
        new(SyncBatchOutcomeKind.Failed, null, status, error ?? throw new ArgumentNullException(nameof(error)));

    /// <summary>The CRM refused the batch for other records and did not apply this one; it is sent again in the same push.</summary>
    public static SyncBatchOutcome NotApplied() => new(SyncBatchOutcomeKind.NotApplied, null, null, null);
}
