using System.Text.Json;
using CrmSdkGen.Runtime.Diff;
using CrmSdkGen.Sync.PostgreSql;
using Npgsql;

namespace FleetSample;

/// <summary>
/// Compares every account's stores with the CRM, record by record, as the sync engine compares records: the same
/// values, date-times by instant (a record the CRM answered a create with comes back through the typed model, which
/// writes "02:58:02.17257+00:00" for the CRM's "02:58:02.1725700+00:00").
/// </summary>
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
                    else if (!JsonEquality.AreSemanticallyEqual(copy, JsonDocument.Parse(record.ToJsonString()).RootElement))
                    {
                        differences.Add($"{account.Name}/{resource}/{key}: the store has {copy.GetRawText()}, the CRM {record.ToJsonString()}");
                    }
                }

                differences.AddRange(local.Keys.Where(key => !remote.ContainsKey(key)).Select(key => $"{account.Name}/{resource}/{key}: not in the CRM"));
                differences.AddRange((await store.GetPendingAsync()).Select(record => $"{account.Name}/{resource}/{record.Key}: {record.Pending} not pushed"));
            }
        }

        return differences;
    }
}
