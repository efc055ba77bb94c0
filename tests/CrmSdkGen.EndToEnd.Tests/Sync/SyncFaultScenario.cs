using System.Text.Json;
using System.Text.Json.Nodes;
using CrmSdkGen.Runtime.Sync;

namespace CrmSdkGen.EndToEnd.Tests.Sync;

/// <summary>One pull mode against its server, for the crash tests: how to build its engine, change the CRM as other users would, and compare.</summary>
/// <param name="Name">The mode, for messages.</param>
/// <param name="Engine">An engine over a store.</param>
/// <param name="ChangeServer">Edits, archives and creates in the CRM.</param>
/// <param name="AssertStoreEqualsServer">Fails when the store differs from the CRM's live records.</param>
/// <param name="CreatesLocally">Whether local creates are pushed too: only where the CRM honours idempotency keys is a create repeated after a crash applied once.</param>
public sealed record SyncFaultScenario(
    string Name,
    Func<ISyncStore, SyncEngine> Engine,
    Action<Random> ChangeServer,
    Func<ISyncStore, Task> AssertStoreEqualsServer,
    bool CreatesLocally)
{
    /// <summary>Edits two local records (and creates one where <see cref="CreatesLocally"/>), so the outbox has work.</summary>
    public async Task ChangeLocallyAsync(SyncEngine engine, ISyncStore store, int run)
    {
        var records = await store.GetAllAsync();
        foreach (var key in records.Keys.Where(key => !key.StartsWith("local-", StringComparison.Ordinal)).Order(StringComparer.Ordinal).Skip(run % 5).Take(2))
        {
            var record = JsonNode.Parse(records[key].GetRawText())!.AsObject();
            if (record["properties"] is JsonObject properties)
            {
                properties["phone"] = "+1 555 " + run;
            }
            else
            {
                record["phone"] = "+1 555 " + run;
            }

            await engine.SaveLocalAsync(key, JsonDocument.Parse(record.ToJsonString()).RootElement.Clone());
        }

        if (CreatesLocally)
        {
            await engine.CreateLocalAsync(JsonDocument.Parse($$"""{"email":"local-{{run}}@example.com"}""").RootElement.Clone());
        }
    }
}
