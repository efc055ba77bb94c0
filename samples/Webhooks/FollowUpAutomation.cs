using System.Text.Json;
using Acme.Deals;
using Acme.Deals.Models;
using CrmSdkGen.Runtime.Http;
using CrmSdkGen.Runtime.Webhooks;

namespace WebhooksSample;

/// <summary>
/// When a deal reaches <see cref="Stage"/>, creates a follow-up task in the CRM, associated with the deal. The
/// dispatcher hands an event over at least once (again after a kill between the task's creation and the event being
/// marked handled), so the task carries a key made of the deal and the stage in a property with unique values: the
/// CRM refuses a second task with the same key (409), and that refusal means the work is done. Exactly one task per
/// deal and stage, however often the webhook comes.
/// </summary>
public sealed class FollowUpAutomation(CrmClient crm, string stage)
{
    /// <summary>The stage that calls for a follow-up, such as "closedwon".</summary>
    public string Stage { get; } = stage;

    /// <summary>Called after each task is created and before its event is marked handled (a fault point for the kill tests).</summary>
    public Action<string>? TaskCreated { get; init; }

    public async Task HandleAsync(WebhookEvent item, CancellationToken cancellationToken)
    {
        if (StageReached(item.Payload) is not { } dealId)
        {
            return;
        }

        var key = $"deal-{dealId}-{Stage}";
        var deal = await crm.Deals.GetByIdAsync(dealId, ["dealname"], cancellationToken);
        try
        {
            await crm.Tasks.CreateAsync(
                new SimplePublicObjectInputForCreate
                {
                    Properties = new Dictionary<string, string>
                    {
                        ["hs_task_subject"] = $"Follow up: {(deal.Properties.TryGetValue("dealname", out var name) ? name : null) ?? dealId}",
                        ["hs_task_type"] = "CALL",
                        ["followup_key"] = key,
                    },
                    Associations = [new PublicAssociationsForObject { To = new PublicAssociationsForObjectTo { Id = dealId }, Types = [new PublicAssociationsForObjectTypesItem { AssociationCategory = PublicAssociationsForObjectTypesItemAssociationCategory.HUBSPOTDEFINED, AssociationTypeId = 216 }] }],
                },
                cancellationToken);
        }
        catch (ApiException conflict) when (conflict.StatusCode == 409)
        {
            // Created when this event (or a redelivery of it) was handled before: nothing more to do.
            return;
        }

        TaskCreated?.Invoke(key);
    }

    // The deal's id when the event says its stage became this one (the event's own value, not the deal's stage now:
    // a deal that moved on before the event was handled still reached the stage).
    private string? StageReached(ReadOnlyMemory<byte> payload)
    {
        using var document = JsonDocument.Parse(payload);
        var root = document.RootElement;
        return root.TryGetProperty("subscriptionType", out var type) && type.GetString() == "deal.propertyChange"
            && root.TryGetProperty("propertyName", out var name) && name.GetString() == "dealstage"
            && root.TryGetProperty("propertyValue", out var value) && value.GetString() == Stage
            && root.TryGetProperty("objectId", out var id)
            ? id.ValueKind switch { JsonValueKind.Number => id.GetRawText(), JsonValueKind.String => id.GetString(), _ => null }
            : null;
    }
}
