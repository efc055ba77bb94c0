using System.Text.Json;
using System.Text.Json.Nodes;
using CrmSdkGen.Runtime.Diff;
using CrmSdkGen.Runtime.Sync;

namespace CrmSdkGen.EndToEnd.Tests.Sync;

/// <summary>Compares a sync store with a CRM's live records.</summary>
public static class StoreAssert
{
    /// <summary>Asserts that the store holds exactly these records, each equal to the CRM's.</summary>
    public static async Task HoldsExactly(ISyncStore store, IReadOnlyDictionary<string, JsonObject> remote)
    {
        var local = await store.GetAllAsync();
        Assert.Equal(remote.Keys.Order(StringComparer.Ordinal), local.Keys.Order(StringComparer.Ordinal));
        foreach (var (id, record) in remote)
        {
            using var expected = JsonDocument.Parse(record.ToJsonString());
            Assert.True(JsonEquality.AreSemanticallyEqual(expected.RootElement, local[id]), $"Record {id} differs: local {local[id].GetRawText()}, CRM {record.ToJsonString()}");
        }
    }
}
