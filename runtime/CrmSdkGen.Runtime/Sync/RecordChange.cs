using System;
using System.Collections.Generic;
using System.Text.Json;
using CrmSdkGen.Runtime.Diff;

namespace CrmSdkGen.Runtime.Sync;

/// <summary>One record's change: created (with the record), updated (with the patch of its fields) or deleted.</summary>
/// <param name="Key">The record's key.</param>
/// <param name="Kind">What happened.</param>
/// <param name="Record">The whole record, for <see cref="ChangeKind.Created"/>.</param>
/// <param name="Patch">The field changes, for <see cref="ChangeKind.Updated"/>, in order.</param>
public sealed record RecordChange(string Key, ChangeKind Kind, JsonElement? Record, IReadOnlyList<JsonPatchOperation> Patch)
{
    /// <summary>A created (or wholly replaced) record.</summary>
    public static RecordChange Created(string key, JsonElement record) => new(key, ChangeKind.Created, record.Clone(), Array.Empty<JsonPatchOperation>());

    /// <summary>An updated record.</summary>
    public static RecordChange Updated(string key, IReadOnlyList<JsonPatchOperation> patch) => new(key, ChangeKind.Updated, null, patch);

    /// <summary>A deleted record.</summary>
    public static RecordChange Deleted(string key) => new(key, ChangeKind.Deleted, null, Array.Empty<JsonPatchOperation>());
}
