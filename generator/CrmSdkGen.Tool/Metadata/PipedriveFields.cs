using System.Text.Json;
using System.Text.Json.Nodes;
using CrmSdkGen.Model.Mapping;
using static CrmSdkGen.Tool.Metadata.MetadataJson;

namespace CrmSdkGen.Tool.Metadata;

/// <summary>
/// Pipedrive's <c>GET /v1/personFields</c>, <c>dealFields</c>, <c>organizationFields</c> or <c>productFields</c> answer as
/// typed members of its records. Custom fields are keyed by 40-character hashes: the hash stays the wire name and the
/// member is named after the field's name (<c>x-crmsdkgen-name</c>).
/// </summary>
internal static class PipedriveFields
{
    // Pipedrive's spec repeats each record's schema inline in every operation, answers and request bodies alike: the
    // target finds them all by the standard members only that record has.
    private static readonly Dictionary<string, string> Targets = new(StringComparer.OrdinalIgnoreCase)
    {
        ["person"] = "$..[?@.properties.name && @.properties.org_id && @.properties.phone]",
        ["deal"] = "$..[?@.properties.title && @.properties.stage_id]",
        ["organization"] = "$..[?@.properties.name && @.properties.address && @.properties.owner_id && !@.properties.phone]",
        ["product"] = "$..[?@.properties.name && @.properties.prices]",
    };

    public static IEnumerable<string> Objects => Targets.Keys;

    public static string? DefaultTarget(string objectName) => Targets.TryGetValue(objectName, out var target) ? target : null;

    public static IReadOnlyList<CustomField> Read(JsonElement answer, bool allFields) =>
        Items(answer, "data", "Pipedrive's fields answer (GET /v1/personFields, dealFields, ...)")
            .Where(field => Text(field, "key") is { Length: > 0 } && (allFields || Flag(field, "edit_flag")))
            .Select(field => new CustomField(Text(field, "key")!, Schema(field)))
            .ToList();

    private static JsonObject Schema(JsonElement field)
    {
        var options = Array(field, "options").Select(option => (Id: OptionId(option), Label: Text(option, "label") ?? string.Empty)).Where(option => option.Id is not null).ToList();
        var fieldType = Text(field, "field_type");
        var schema = fieldType switch
        {
            // Numbers and option ids come as JSON numbers or as their text, depending on the endpoint; both are read.
            "double" or "monetary" => FieldSchemas.Number("double").AsText(),
            "int" or "enum" => FieldSchemas.Integer().AsText(),
            "date" => FieldSchemas.Date(),
            "user" or "org" or "people" => FieldSchemas.Any(),
            _ => FieldSchemas.Text(),
        };
        var choices = string.Join(", ", options.Select(option => $"{option.Id} ({option.Label})"));
        var description = options.Count == 0 ? null
            : fieldType == "set" ? $"Option ids separated by ',' from: {choices}."
            : fieldType == "enum" ? $"The id of one option: {choices}."
            : null;
        if (Text(field, "name") is { Length: > 0 } name)
        {
            schema[SchemaNames.Extension] = name;
        }

        return schema.Described(Text(field, "name"), description);
    }

    private static string? OptionId(JsonElement option) =>
        option.TryGetProperty("id", out var id) ? id.ValueKind switch
        {
            JsonValueKind.Number => id.GetRawText(),
            JsonValueKind.String => id.GetString(),
            _ => null,
        } : null;
}
