using System.Text.Json.Nodes;
using CrmSdkGen.Model.Mapping;

namespace CrmSdkGen.Tool.Metadata;

/// <summary>The schemas the metadata readers give fields; every field may be empty, so every one is nullable.</summary>
internal static class FieldSchemas
{
    public static JsonObject Text() => Make("string");

    public static JsonObject Date() => Make("string", "date");

    public static JsonObject DateTime() => Make("string", "date-time");

    public static JsonObject Integer(string format = "int64") => Make("integer", format);

    public static JsonObject Number(string format) => Make("number", format);

    public static JsonObject Boolean() => Make("boolean");

    /// <summary>An array of <paramref name="items"/>.</summary>
    public static JsonObject ListOf(JsonObject items)
    {
        var schema = Make("array");
        items.Remove("nullable");
        schema["items"] = items;
        return schema;
    }

    /// <summary>A list the CRM sends as one string of its items joined by <paramref name="separator"/> ("golf;chess").</summary>
    public static JsonObject DelimitedList(JsonObject items, string separator)
    {
        var schema = ListOf(items).AsText();
        schema[SchemaFacts.SeparatorExtension] = separator;
        return schema;
    }

    /// <summary>An object of the given members, each nullable; members it does not name are kept as well.</summary>
    public static JsonObject Record(params (string Name, JsonObject Schema)[] members)
    {
        var schema = Make("object");
        var properties = new JsonObject();
        foreach (var (name, member) in members)
        {
            properties[name] = member;
        }

        schema["properties"] = properties;
        return schema;
    }

    /// <summary>Any JSON value (an object, a reference to another record).</summary>
    public static JsonObject Any() => new() { ["nullable"] = true };

    /// <summary>A string enumeration; the generator makes it open, so a value added later is kept and reported by validation.</summary>
    public static JsonObject Enumeration(IEnumerable<string> values)
    {
        var schema = Text();
        var distinct = values.Where(value => value.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count == 0)
        {
            return schema;
        }

        schema["enum"] = new JsonArray(distinct.Select(value => (JsonNode)JsonValue.Create(value)!).ToArray());
        return schema;
    }

    /// <summary>Marks a number, boolean or list that the CRM sends as a JSON string (HubSpot sends every value so).</summary>
    public static JsonObject AsText(this JsonObject schema)
    {
        schema[SchemaFacts.TextEncodingExtension] = "string";
        return schema;
    }

    public static JsonObject Described(this JsonObject schema, string? label, string? description)
    {
        var text = string.Join(": ", new[] { label, description }.Where(part => !string.IsNullOrWhiteSpace(part)).Select(part => part!.Trim()));
        if (text.Length > 0)
        {
            schema["description"] = text;
        }

        return schema;
    }

    public static JsonObject ReadOnly(this JsonObject schema, bool readOnly)
    {
        if (readOnly)
        {
            schema["readOnly"] = true;
        }

        return schema;
    }

    private static JsonObject Make(string type, string? format = null)
    {
        var schema = new JsonObject { ["type"] = type };
        if (format is not null)
        {
            schema["format"] = format;
        }

        schema["nullable"] = true;
        return schema;
    }
}
