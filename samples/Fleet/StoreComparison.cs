using System.Text.Json.Nodes;
using CrmSdkGen.Sync.PostgreSql;
using Npgsql;

namespace FleetSample;

/// <summary>Compares every account's stores with the CRM, record by record.</summary>
public static class StoreComparison
{
    /// <summary>What differs, one line per record (missing, extra, different) or per pending local change; empty when the stores equal the CRM.</summary>
    public static async Task<List<string>> DifferencesAsync(NpgsqlDataSource dataSource, AccountsCrm crm)
    {
        var differences = new List<string>();
        foreach (var account in crm.Accounts)
        {
            foreach (var resource in FleetResources.Names)
            {
                var store = new PostgreSqlSyncStore(dataSource, account.Name, resource);
                var local = await store.GetAllAsync();
                var remote = account.Collection(resource)!.Snapshot();
                foreach (var (key, record) in remote)
                {
                    if (!local.TryGetValue(key, out var copy))
                    {
                        differences.Add($"{account.Name}/{resource}/{key}: missing");
                    }
                    else if (!JsonNode.DeepEquals(JsonNode.Parse(copy.GetRawText()), record))
                    {
                        differences.Add($"{account.Name}/{resource}/{key}: differs");
                    }
                }

                differences.AddRange(local.Keys.Where(key => !remote.ContainsKey(key)).Select(key => $"{account.Name}/{resource}/{key}: not in the CRM"));
                differences.AddRange((await store.GetPendingAsync()).Select(record => $"{account.Name}/{resource}/{record.Key}: {record.Pending} not pushed"));
            }
        }

        return differences;
    }
}
