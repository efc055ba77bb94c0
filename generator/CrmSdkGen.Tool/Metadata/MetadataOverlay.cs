using System.Text.Json;
using System.Text.Json.Nodes;

namespace CrmSdkGen.Tool.Metadata;

/// <summary>What a CRM's field metadata answer becomes: the overlay that types those fields in the vendor's spec.</summary>
internal static class MetadataOverlay
{
    public static IEnumerable<string> Crms => new[] { "hubspot", "salesforce", "pipedrive" };

    /// <param name="crm">hubspot, salesforce or pipedrive.</param>
    /// <param name="answerJson">The metadata answer, as the CRM sent it.</param>
    /// <param name="objectName">For Pipedrive, the record kind the fields belong to (person, deal, organization, product).</param>
    /// <param name="target">A JSONPath that selects the schemas to add the fields to, instead of the CRM's default.</param>
    /// <param name="customOnly">HubSpot: only the properties the portal added, not HubSpot's own.</param>
    /// <param name="allFields">Salesforce and Pipedrive v1: every field, not only the custom ones.</param>
    public static string Build(string crm, string answerJson, string? objectName, string? target, bool customOnly, bool allFields)
    {
        JsonElement answer;
        try
        {
            using var document = JsonDocument.Parse(answerJson);
            answer = document.RootElement.Clone();
        }
        catch (JsonException exception)
        {
            throw new MetadataException($"The metadata answer is not JSON: {exception.Message}");
        }

        return crm.ToLowerInvariant() switch
        {
            "hubspot" => HubSpot(answer, target, customOnly),
            "salesforce" => Salesforce(answer, target, allFields),
            "pipedrive" => Pipedrive(answer, objectName, target, allFields),
            _ => throw new MetadataException($"Unknown CRM '{crm}'; one of: {string.Join(", ", Crms)}."),
        };
    }

    private static string HubSpot(JsonElement answer, string? target, bool customOnly)
    {
        var fields = HubSpotProperties.Read(answer, customOnly);
        return OverlayDocument.Write("HubSpot portal properties", new[]
        {
            OverlayDocument.AddFields(target ?? HubSpotProperties.DefaultTarget, $"{fields.Count} portal properties, typed, beside the map of the others.", fields),
        });
    }

    private static string Salesforce(JsonElement answer, string? target, bool allFields)
    {
        var (name, customObject, fields) = SalesforceDescribe.Read(answer, allFields);
        var actions = new List<JsonObject>();
        if (target is null && customObject)
        {
            // A custom object is in no vendor spec: its schema is added, then filled like any other.
            actions.Add(OverlayDocument.Update("$.components.schemas", $"The custom object {name}.", new JsonObject { [name] = new JsonObject { ["type"] = "object" } }));
        }

        actions.Add(OverlayDocument.AddFields(target ?? "$.components.schemas" + OverlayDocument.Member(name), $"{fields.Count} {(customObject ? "" : "custom ")}fields of {name}.", fields));
        return OverlayDocument.Write($"Salesforce {name} fields", actions);
    }

    private static string Pipedrive(JsonElement answer, string? objectName, string? target, bool allFields)
    {
        if (target is null && objectName is null)
        {
            throw new MetadataException($"pipedrive needs --object <{string.Join("|", PipedriveFields.Objects)}> or --target <JSONPath>.");
        }

        var fields = PipedriveFields.Read(answer, allFields);
        var where = target
            ?? PipedriveFields.DefaultTarget(objectName!, fields)
            ?? throw new MetadataException($"Unknown Pipedrive object '{objectName}'; one of: {string.Join(", ", PipedriveFields.Objects)}.");
        var kind = fields.InCustomFieldsObject || !allFields ? "custom " : string.Empty;
        var action = OverlayDocument.AddFields(where, $"{fields.Fields.Count} {kind}fields, named after their names, keyed by their hashes.", fields.Fields);
        if (fields.InCustomFieldsObject)
        {
            // The values of the fields the overlay does not name are kept, whatever their type.
            action["update"]!["additionalProperties"] = true;
        }

        return OverlayDocument.Write($"Pipedrive {objectName ?? "record"} fields", new[] { action });
    }
}
