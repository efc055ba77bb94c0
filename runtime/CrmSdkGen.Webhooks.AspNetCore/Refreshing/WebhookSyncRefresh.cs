using System;
using System.Collections.Generic;
using System.Linq;
using CrmSdkGen.Runtime.Sync;
using CrmSdkGen.Runtime.Webhooks;
using CrmSdkGen.Webhooks.Dispatching;

namespace CrmSdkGen.Webhooks.Refreshing;

/// <summary>Turns events that name records into targeted refreshes of the local copy.</summary>
public static class WebhookSyncRefresh
{
    /// <summary>
    /// Refreshes the records that <paramref name="source"/>'s events name (<paramref name="records"/>, such as
    /// <see cref="WebhookRecords.HubSpot"/>) through the sync engine of their object type: the due events are taken
    /// together, their keys read in one <see cref="SyncEngine.RefreshAsync"/> per type, so the store follows the CRM
    /// within the dispatcher's latency. Types without an engine are passed over. An event is handled once its records
    /// are refreshed; a failed read retries it like any failed handler.
    /// </summary>
    /// <param name="options">The dispatcher's options.</param>
    /// <param name="source">The sender ("*" for every sender).</param>
    /// <param name="records">The records an event names.</param>
    /// <param name="engines">The engine of each object type, such as "contact" (the type names are case-insensitive).</param>
    public static WebhookDispatcherOptions RefreshSync(
        this WebhookDispatcherOptions options,
        string source,
        Func<WebhookEvent, IReadOnlyList<WebhookRecord>> records,
        IReadOnlyDictionary<string, SyncEngine> engines)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(engines);
        var byType = new Dictionary<string, SyncEngine>(engines, StringComparer.OrdinalIgnoreCase);
        return options.HandleBatch(source, async (events, cancellationToken) =>
        {
            var keysByType = events.SelectMany(records)
                .Where(record => byType.ContainsKey(record.ObjectType))
                .GroupBy(record => record.ObjectType, StringComparer.OrdinalIgnoreCase);
            foreach (var group in keysByType)
            {
                var keys = group.Select(record => record.Key).Distinct(StringComparer.Ordinal).ToList();
                await byType[group.Key].RefreshAsync(keys, cancellationToken).ConfigureAwait(false);
            }
        });
    }
}
