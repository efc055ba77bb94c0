using System.Text.Json;

namespace CrmSdkGen.Runtime.Sync;

/// <summary>A record to create in the CRM, as <see cref="SyncAdapter.CreateAsync"/> receives it.</summary>
/// <param name="Record">The local record to create.</param>
/// <param name="IdempotencyKey">
/// The same every time this local record is pushed, so a CRM that honours idempotency keys creates it once even when a
/// sync is killed between the call and its commit.
/// </param>
public sealed record SyncCreate(JsonElement Record, string IdempotencyKey);
