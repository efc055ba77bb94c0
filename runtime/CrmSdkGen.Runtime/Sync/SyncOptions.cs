using System;
using System.Text.Json;
using CrmSdkGen.Runtime.Diff;

namespace CrmSdkGen.Runtime.Sync;

/// <summary>How a <see cref="SyncEngine"/> pulls, resolves conflicts and reports.</summary>
public sealed class SyncOptions
{
    /// <summary>
    /// How far before the last watermark a watermark pull starts again. Records changed at the watermark's instant,
    /// indexed late by the CRM, or changed while a pull ran are fetched again and recognised by key. Default 5 minutes.
    /// </summary>
    public TimeSpan Overlap { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How often an incremental pull is replaced by a full listing that reconciles key sets, for CRMs that do not report
    /// every delete (no tombstones, or tombstones kept for a limited time). Null (the default): only when needed.
    /// </summary>
    public TimeSpan? FullListingEvery { get; set; }

    /// <summary>What wins when a record changed on both sides. Default <see cref="ConflictPolicy.FieldMerge"/>.</summary>
    public ConflictPolicy Conflicts { get; set; } = ConflictPolicy.FieldMerge;

    /// <summary>
    /// For <see cref="ConflictPolicy.Custom"/>: returns the record to keep (null deletes it). The conflict's
    /// <see cref="SyncConflict.Resolved"/> holds what <see cref="ConflictPolicy.FieldMerge"/> would keep.
    /// </summary>
    public Func<SyncConflict, JsonElement?>? Resolver { get; set; }

    /// <summary>
    /// Whether <see cref="SyncResult.Changes"/> collects every change a pull applied. Off by default so that a pull of
    /// any size runs in constant memory; the counts are always there.
    /// </summary>
    public bool CollectChanges { get; set; }

    /// <summary>How the patches of collected changes match array items.</summary>
    public JsonDiffOptions? DiffOptions { get; set; }

    /// <summary>The clock that marks when a pull started, which caps the next watermark.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
