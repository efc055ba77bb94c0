using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CrmSdkGen.Tool.Metadata;

/// <summary>Writes the Overlay 1.0 document that adds a CRM's fields to the schemas a target selects.</summary>
internal static class OverlayDocument
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(string title, IEnumerable<JsonObject> actions)
    {
        var document = new JsonObject
        {
            ["overlay"] = "1.0.0",
            ["info"] = new JsonObject { ["title"] = title, ["version"] = "1.0.0" },
            ["actions"] = new JsonArray(actions.Cast<JsonNode>().ToArray()),
        };
        return document.ToJsonString(Indented) + Environment.NewLine;
    }

    /// <summary>Merges <c>{ "properties": { field: schema, ... } }</c> into every schema the target selects.</summary>
    public static JsonObject AddFields(string target, string description, IReadOnlyList<CustomField> fields)
    {
        var properties = new JsonObject();
        foreach (var field in fields)
        {
            properties[field.WireName] = field.Schema;
        }

        return Update(target, description, new JsonObject { ["properties"] = properties });
    }

    public static JsonObject Update(string target, string description, JsonObject update) =>
        new() { ["target"] = target, ["description"] = description, ["update"] = update };

    /// <summary>A JSONPath name selector for any member name (RFC 9535 single-quoted string).</summary>
    public static string Member(string name) =>
        "['" + name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "']";
}
