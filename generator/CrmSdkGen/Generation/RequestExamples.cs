using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using CrmSdkGen.Model;

namespace CrmSdkGen.Generation;

/// <summary>
/// Values for hand-run requests (.http files, Postman collections): the spec's examples where it has them, else the
/// smallest value of the type (required properties only, plain values that fit each type and format).
/// </summary>
internal sealed class RequestExamples
{
    private readonly Dictionary<string, ApiSchema> _schemas;

    public RequestExamples(ApiDescription api) => _schemas = api.Schemas.ToDictionary(schema => schema.Id, StringComparer.Ordinal);

    /// <summary>A parameter's value as text for a URL or header.</summary>
    public string Parameter(ApiParameter parameter)
    {
        var node = Parse(parameter.Example) ?? Value(parameter.Type, 0);
        var value = node is JsonArray items ? items.FirstOrDefault() : node;
        return value switch
        {
            null => "1",
            JsonValue text when text.TryGetValue<string>(out var s) => s,
            _ => value.ToJsonString(),
        };
    }

    /// <summary>A request body as JSON text: its example, else the smallest value of its type.</summary>
    public string? Body(ApiBody body) =>
        body.Kind != ApiContentKind.Json ? null
        : Parse(body.Example)?.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true })
          ?? (body.Type is { } type ? Value(type, 0)?.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) : null)
          ?? "{}";

    /// <summary>The fields of a form or multipart body: its example's members, else its required properties, as text.</summary>
    public List<(string Name, string Value)> Fields(ApiBody body)
    {
        var node = Parse(body.Example) ?? (body.Type is { } type ? Value(type, 0) : null);
        return node is JsonObject members
            ? members.Select(member => (member.Key, member.Value switch
            {
                null => "sample",
                JsonValue text when text.TryGetValue<string>(out var s) => s,
                var other => other.ToJsonString(),
            })).ToList()
            : new List<(string Name, string Value)>();
    }

    /// <summary>The smallest value of <paramref name="type"/>: required properties only, plain values that fit each type and format.</summary>
    public JsonNode? Smallest(ApiType type) => Value(type, 0);

    private static JsonNode? Parse(string? json)
    {
        if (json is null)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(json);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private JsonNode? Value(ApiType type, int depth)
    {
        if (depth > 8)
        {
            return null;
        }

        return type.Kind switch
        {
            ApiTypeKind.String => JsonValue.Create(type.Format switch
            {
                "email" => "user@example.com",
                "uri" or "url" => "https://example.com/",
                "date-time" => "2024-01-02T03:04:05Z",
                "date" => "2024-01-02",
                "uuid" => "3fa85f64-5717-4562-b3fc-2c963f66afa6",
                "byte" => "AQID",
                _ => "sample",
            }),
            ApiTypeKind.Integer or ApiTypeKind.Number => JsonValue.Create(
                decimal.TryParse(type.Constraints?.Minimum, NumberStyles.Float, CultureInfo.InvariantCulture, out var minimum) && minimum > 1 ? Math.Ceiling(minimum) + (type.Constraints!.ExclusiveMinimum ? 1 : 0) : 1),
            ApiTypeKind.Boolean => JsonValue.Create(true),
            ApiTypeKind.Binary => JsonValue.Create("sample"),
            ApiTypeKind.Array => Value(type.Element!, depth + 1) is { } item ? new JsonArray(item) : new JsonArray(),
            ApiTypeKind.Map => new JsonObject(),
            ApiTypeKind.Named when _schemas.TryGetValue(type.SchemaId!, out var schema) => Of(schema, depth + 1),
            _ => null,
        };
    }

    private JsonNode? Of(ApiSchema schema, int depth)
    {
        switch (schema.Kind)
        {
            case ApiSchemaKind.Enum:
                return schema.EnumValues.Count > 0 ? JsonValue.Create(schema.EnumValues[0]) : null;
            case ApiSchemaKind.IntegerEnum:
                return schema.EnumValues.Count > 0 ? JsonValue.Create(long.Parse(schema.EnumValues[0], CultureInfo.InvariantCulture)) : null;
            case ApiSchemaKind.Union:
                return schema.Variants.Count > 0 ? Value(schema.Variants[0].Type, depth) : null;
            default:
                var result = new JsonObject();
                foreach (var property in SchemaHierarchy.AllProperties(schema, id => _schemas.TryGetValue(id, out var found) ? found : null).Where(property => property.Required && !property.ReadOnly))
                {
                    result[property.JsonName] = Value(property.Type, depth);
                }

                return result;
        }
    }
}
