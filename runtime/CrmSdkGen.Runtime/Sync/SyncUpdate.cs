using System.Text.Json;

namespace CrmSdkGen.Runtime.Sync;

/// <summary>
/// A change to send to the CRM, as <see cref="SyncAdapter.UpdateAsync"/> receives it: one object, so that an adapter
/// written by hand reads each part by name and cannot take the whole record for the changes.
/// </summary>
/// <param name="Key">The record's key.</param>
/// <param name="Record">The whole local record, for a PUT.</param>
/// <param name="Changes">The RFC 7396 merge patch from the last agreed version (only the changed fields, null for cleared ones), for a PATCH.</param>
/// <param name="IfMatch">The last agreed version's entity tag, when the resource has them.</param>
public sealed record SyncUpdate(string Key, JsonElement Record, JsonElement Changes, string? IfMatch = null);
