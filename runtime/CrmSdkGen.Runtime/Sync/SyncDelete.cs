namespace CrmSdkGen.Runtime.Sync;

/// <summary>A record to delete in the CRM, as <see cref="SyncAdapter.DeleteAsync"/> receives it.</summary>
/// <param name="Key">The record's key.</param>
/// <param name="IfMatch">The last agreed version's entity tag, when the resource has them.</param>
public sealed record SyncDelete(string Key, string? IfMatch = null);
