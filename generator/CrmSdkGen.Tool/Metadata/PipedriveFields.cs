using System.Text.Json;
using System.Text.Json.Nodes;
using CrmSdkGen.Model.Mapping;
using static CrmSdkGen.Tool.Metadata.MetadataJson;

namespace CrmSdkGen.Tool.Metadata;

/// <summary>
/// Pipedrive's <c>personFields</c>, <c>dealFields</c>, <c>organizationFields</c> or <c>productFields</c> answer, of API v1
/// (<c>key</c>, <c>name</c>, <c>edit_flag</c>) or v2 (<c>field_code</c>, <c>field_name</c>, <c>is_custom_field</c>), as
/// typed members of its records. Custom fields are keyed by 40-character hashes: the hash stays the wire name and the
/// member is named after the field's name (<c>x-crmsdkgen-name</c>). In v1 the fields are members of the record itself; in
/// v2 of its <c>custom_fields</c> object, with typed JSON values.
/// </summary>
internal static class PipedriveFields
{
    // Pipedrive's specs repeat each record's schema inline in every operation, answers and request bodies alike: the
    // targets find them all by the standard members only that record has.
    private static readonly Dictionary<string, string> Records = new(StringComparer.OrdinalIgnoreCase)
    {
        ["person"] = "@.properties.name && @.properties.org_id && (@.properties.phone || @.properties.emails)",
        ["deal"] = "@.properties.title && @.properties.stage_id",
        ["organization"] = "@.properties.name && @.properties.address && @.properties.owner_id && !@.properties.phone && !@.properties.emails",
        ["product"] = "@.properties.name && @.properties.prices",
    };

    public static IEnumerable<string> Objects => Records.Keys;

    public static string? DefaultTarget(string objectName, PipedriveFieldSet fields) =>
        !Records.TryGetValue(objectName, out var record) ? null
        : fields.InCustomFieldsObject ? $"$..[?{record} && @.properties.custom_fields].properties.custom_fields"
        : $"$..[?{record}]";

    public static PipedriveFieldSet Read(JsonElement answer, bool allFields)
    {
        var items = Items(answer, "data", "Pipedrive's fields answer (GET /api/v2/personFields, /v1/dealFields, ...)").ToList();
        if (items.Any(field => Text(field, "field_code") is not null))
        {
            // v2 puts only the custom fields in custom_fields; the others are members of the record, already in the spec.
            return new PipedriveFieldSet(true, items
                .Where(field => Text(field, "field_code") is { Length: > 0 } && Flag(field, "is_custom_field"))
                .Select(field => new CustomField(Text(field, "field_code")!, TypedSchema(field, Text(field, "field_name"))))
                .ToList());
        }

        return new PipedriveFieldSet(false, items
            .Where(field => Text(field, "key") is { Length: > 0 } && (allFields || Flag(field, "edit_flag")))
            .Select(field => new CustomField(Text(field, "key")!, TextualSchema(field, Text(field, "name"))))
            .ToList());
    }

    /// <summary>v1: numbers and option ids come as JSON numbers or as their text, depending on the endpoint; both are read.</summary>
    private static JsonObject TextualSchema(JsonElement field, string? name) =>
        (Text(field, "field_type") switch
        {
            "double" or "monetary" => FieldSchemas.Number("double").AsText(),
            "int" or "enum" => FieldSchemas.Integer().AsText(),
            "set" => FieldSchemas.DelimitedList(FieldSchemas.Integer().AsText(), ","),
            "date" => FieldSchemas.Date(),
            "user" or "org" or "people" => FieldSchemas.Any(),
            _ => FieldSchemas.Text(),
        }).Named(name).Described(name, OptionsDescription(field));

    /// <summary>v2: numbers are JSON numbers, a set is an array of option ids, a monetary value an object with its currency.</summary>
    private static JsonObject TypedSchema(JsonElement field, string? name) =>
        (Text(field, "field_type") switch
        {
            "double" => FieldSchemas.Number("double"),
            "int" or "enum" or "user" or "org" or "people" => FieldSchemas.Integer(),
            "set" => FieldSchemas.ListOf(FieldSchemas.Integer()),
            "monetary" => FieldSchemas.Record(("value", FieldSchemas.Number("double")), ("currency", FieldSchemas.Text())),
            "date" => FieldSchemas.Date(),
            "varchar" or "varchar_auto" or "text" or "phone" => FieldSchemas.Text(),
            // Ranges, times and addresses are objects whose members Pipedrive does not list: kept whole.
            _ => FieldSchemas.Any(),
        }).Named(name).Described(name, OptionsDescription(field));

    private static string? OptionsDescription(JsonElement field)
    {
        var options = Array(field, "options").Select(option => (Id: OptionId(option), Label: Text(option, "label") ?? string.Empty)).Where(option => option.Id is not null).ToList();
        var choices = string.Join(", ", options.Select(option => $"{option.Id} ({option.Label})"));
        return options.Count == 0 ? null
            : Text(field, "field_type") == "set" ? $"Option ids from: {choices}."
            : Text(field, "field_type") == "enum" ? $"The id of one option: {choices}."
            : null;
    }

    private static JsonObject Named(this JsonObject schema, string? name)
    {
        if (name is { Length: > 0 })
        {
            schema[SchemaNames.Extension] = name;
        }

        return schema;
    }

    private static string? OptionId(JsonElement option) =>
        option.TryGetProperty("id", out var id) ? id.ValueKind switch
        {
            JsonValueKind.Number => id.GetRawText(),
            JsonValueKind.String => id.GetString(),
            _ => null,
        } : null;
}
