using System.Text.Json;
using System.Text.Json.Nodes;
using static CrmSdkGen.Tool.Metadata.MetadataJson;

namespace CrmSdkGen.Tool.Metadata;

/// <summary>
/// Salesforce's <c>GET /services/data/vXX.X/sobjects/{type}/describe</c> answer as the object's schema: for a standard
/// object its custom fields (<c>__c</c>), which the vendor's spec cannot know; for a custom object all its fields.
/// </summary>
internal static class SalesforceDescribe
{
    public static (string ObjectName, bool IsCustomObject, IReadOnlyList<CustomField> Fields) Read(JsonElement answer, bool allFields)
    {
        var name = Text(answer, "name") is { Length: > 0 } found ? found : throw new MetadataException("The answer is not a Salesforce describe result: it has no object 'name'.");
        var customObject = Flag(answer, "custom");
        var fields = Items(answer, "fields", "a Salesforce describe result (GET sobjects/{type}/describe)")
            .Where(field => Text(field, "name") is { Length: > 0 } && (allFields || customObject || Flag(field, "custom")))
            .Select(field => new CustomField(Text(field, "name")!, Schema(field)))
            .ToList();
        return (name, customObject, fields);
    }

    private static JsonObject Schema(JsonElement field)
    {
        var type = Text(field, "type");
        var picklist = Array(field, "picklistValues").Where(value => Flag(value, "active")).Select(value => Text(value, "value") ?? string.Empty).ToList();
        var schema = type switch
        {
            "boolean" => FieldSchemas.Boolean(),
            "int" => FieldSchemas.Integer("int32"),
            "long" => FieldSchemas.Integer(),
            "double" or "percent" => FieldSchemas.Number("double"),
            "currency" => FieldSchemas.Number("decimal"),
            "date" => FieldSchemas.Date(),
            "datetime" => FieldSchemas.DateTime(),
            "picklist" => FieldSchemas.Enumeration(picklist),
            "address" or "location" or "anyType" or "complexvalue" => FieldSchemas.Any(),
            _ => FieldSchemas.Text(),
        };
        if (schema["type"]?.GetValue<string>() == "string" && schema["enum"] is null && type != "date" && type != "datetime"
            && Integer(field, "length") is > 0 and var length)
        {
            schema["maxLength"] = length;
        }

        var description = type == "multipicklist" && picklist.Count > 0 ? $"Values separated by ';' from: {string.Join(", ", picklist)}." : null;
        var readOnly = field.TryGetProperty("createable", out _) && !Flag(field, "createable") && !Flag(field, "updateable");
        return schema.Described(Text(field, "label"), description).ReadOnly(readOnly);
    }
}
