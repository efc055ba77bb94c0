using System.Text.Json;
using System.Text.Json.Nodes;
using static CrmSdkGen.Tool.Metadata.MetadataJson;

namespace CrmSdkGen.Tool.Metadata;

/// <summary>
/// HubSpot's <c>GET /crm/v3/properties/{objectType}</c> answer as typed members of the records' <c>properties</c> map.
/// HubSpot sends every value as a string ("42", "true"), so numbers and booleans are marked as sent as text.
/// </summary>
internal static class HubSpotProperties
{
    /// <summary>
    /// Every <c>properties</c> map of string values in the spec's schemas, wherever they are (components, Swagger 2
    /// definitions, inline request bodies): records, inputs, batch inputs.
    /// </summary>
    public const string DefaultTarget = "$..[?@.properties.properties.additionalProperties.type == 'string'].properties.properties";

    public static IReadOnlyList<CustomField> Read(JsonElement answer, bool customOnly) =>
        Items(answer, "results", "HubSpot's properties answer (GET /crm/v3/properties/{objectType})")
            .Where(property => Text(property, "name") is { Length: > 0 } && !(customOnly && Flag(property, "hubspotDefined")))
            .Select(property => new CustomField(Text(property, "name")!, Schema(property)))
            .ToList();

    private static JsonObject Schema(JsonElement property)
    {
        var fieldType = Text(property, "fieldType");
        var options = Array(property, "options").Where(option => !Flag(option, "hidden")).Select(option => Text(option, "value") ?? string.Empty).ToList();
        var schema = Text(property, "type") switch
        {
            "number" => FieldSchemas.Number("decimal").AsText(),
            "bool" => FieldSchemas.Boolean().AsText(),
            "enumeration" when fieldType == "booleancheckbox" => FieldSchemas.Boolean().AsText(),
            "date" => FieldSchemas.Date(),
            "datetime" => FieldSchemas.DateTime(),
            // A multiple checkbox is its chosen values joined by ';'.
            "enumeration" when fieldType == "checkbox" => FieldSchemas.DelimitedList(FieldSchemas.Enumeration(options), ";"),
            "enumeration" => FieldSchemas.Enumeration(options),
            _ => FieldSchemas.Text(),
        };
        var description = Text(property, "description");
        var readOnly = property.TryGetProperty("modificationMetadata", out var modification) && Flag(modification, "readOnlyValue");
        return schema.Described(Text(property, "label"), description).ReadOnly(readOnly || Flag(property, "calculated"));
    }
}
