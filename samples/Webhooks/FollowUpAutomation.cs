using System.Globalization;
using Acme.Deals;
using Acme.Deals.Models;
using CrmSdkGen.Runtime.Http;

namespace WebhooksSample;

/// <summary>
/// When a deal reaches <see cref="Stage"/>, creates a follow-up task in the CRM, associated with the deal. The
/// dispatcher hands an event over at least once (again after a kill between the task's creation and the event being
/// marked handled), so the task carries a key made of the deal and the stage in a property with unique values: the
/// CRM refuses a second task with the same key (409), and that refusal means the work is done. Exactly one task per
/// deal and stage, however often the webhook comes. The spec's webhook gives the handler interface and the event's model.
/// </summary>
public sealed class FollowUpAutomation(CrmClient crm, string stage) : IDealPropertyChangeWebhookHandler
{
    /// <summary>The stage that calls for a follow-up, such as "closedwon".</summary>
    public string Stage { get; } = stage;

    /// <summary>Called after each task is created and before its event is marked handled (a fault point for the kill tests).</summary>
    public Action<string>? TaskCreated { get; init; }

    public async Task HandleDealPropertyChangeAsync(CrmObjectEvent change, CancellationToken cancellationToken)
    {
        // The event's own value, not the deal's stage now: a deal that moved on before the event was handled still
        // reached the stage.
        if (change is not { SubscriptionType: "deal.propertyChange", PropertyName: "dealstage" } || change.PropertyValue != Stage)
        {
            return;
        }

        var dealId = change.ObjectId.ToString(CultureInfo.InvariantCulture);
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
}
