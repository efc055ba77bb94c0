using System;
using System.Collections.Generic;
using System.Text.Json;
using CrmSdkGen.Runtime.Webhooks;

namespace CrmSdkGen.Webhooks.Refreshing;

/// <summary>The records the built-in senders' events name, for <see cref="WebhookSyncRefresh.RefreshSync"/>.</summary>
public static class WebhookRecords
{
    // HubSpot's generic "object.*" subscriptions name the type by id; these are its standard objects.
    private static readonly Dictionary<string, string> HubSpotObjectTypes = new(StringComparer.Ordinal)
    {
        ["0-1"] = "contact",
        ["0-2"] = "company",
        ["0-3"] = "deal",
        ["0-5"] = "ticket",
        ["0-7"] = "product",
        ["0-8"] = "line_item",
    };

    /// <summary>
    /// A HubSpot event: <c>objectId</c> of the type before the dot of <c>subscriptionType</c> ("contact.propertyChange"
    /// names a contact; "object.*" names the type by <c>objectTypeId</c>), and for merges every record involved
    /// (<c>primaryObjectId</c>, <c>mergedObjectIds</c>, <c>newObjectId</c>).
    /// </summary>
    public static IReadOnlyList<WebhookRecord> HubSpot(WebhookEvent item)
    {
        ArgumentNullException.ThrowIfNull(item);
        using var document = JsonDocument.Parse(item.Payload);
        var root = document.RootElement;
        if (Text(root, "subscriptionType") is not { } subscription)
        {
            return [];
        }

        var type = subscription.Split('.')[0];
        if (type == "object" && Text(root, "objectTypeId") is { } typeId)
        {
            type = HubSpotObjectTypes.TryGetValue(typeId, out var known) ? known : typeId;
        }

        var records = new List<WebhookRecord>();
        foreach (var name in (ReadOnlySpan<string>)["objectId", "primaryObjectId", "newObjectId"])
        {
            Add(records, type, Text(root, name));
        }

        if (root.TryGetProperty("mergedObjectIds", out var merged) && merged.ValueKind == JsonValueKind.Array)
        {
            foreach (var id in merged.EnumerateArray())
            {
                Add(records, type, Text(id));
            }
        }

        return records;
    }

    /// <summary>A Stripe event: <c>data.object</c>'s <c>id</c>, of the type its <c>object</c> names ("customer").</summary>
    public static IReadOnlyList<WebhookRecord> Stripe(WebhookEvent item) => Nested(item, "data", "object", "object");

    /// <summary>An Intercom notification: <c>data.item</c>'s <c>id</c>, of the type its <c>type</c> names ("contact").</summary>
    public static IReadOnlyList<WebhookRecord> Intercom(WebhookEvent item) => Nested(item, "data", "item", "type");

    private static IReadOnlyList<WebhookRecord> Nested(WebhookEvent item, string outer, string inner, string typeProperty)
    {
        ArgumentNullException.ThrowIfNull(item);
        using var document = JsonDocument.Parse(item.Payload);
        if (document.RootElement.ValueKind == JsonValueKind.Object
            && document.RootElement.TryGetProperty(outer, out var data) && data.ValueKind == JsonValueKind.Object
            && data.TryGetProperty(inner, out var record) && record.ValueKind == JsonValueKind.Object
            && Text(record, typeProperty) is { } type && Text(record, "id") is { } id)
        {
            return [new WebhookRecord(type, id)];
        }

        return [];
    }

    private static void Add(List<WebhookRecord> records, string type, string? key)
    {
        if (!string.IsNullOrEmpty(key) && !records.Contains(new WebhookRecord(type, key)))
        {
            records.Add(new WebhookRecord(type, key));
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? Text(value) : null;

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        _ => null,
    };
}
