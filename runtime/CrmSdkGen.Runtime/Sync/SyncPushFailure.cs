namespace CrmSdkGen.Runtime.Sync;

/// <summary>
/// A local change the CRM refused, or that could not be sent because the local record does not fit the request body
/// (no status then); it stays in the outbox and the next push sends it again.
/// </summary>
/// <param name="Key">The record's key.</param>
/// <param name="Change">The change that was refused.</param>
/// <param name="Status">The HTTP status of the refusal, where there was one.</param>
/// <param name="Error">The CRM's reason, or which field of the record did not fit.</param>
public sealed record SyncPushFailure(string Key, PendingChange Change, int? Status, string Error);
