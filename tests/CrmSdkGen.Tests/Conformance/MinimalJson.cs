using System.Text.Json.Nodes;
using CrmSdkGen.CSharp.TemplateModels;
using CrmSdkGen.Model;

namespace CrmSdkGen.Tests.Conformance;

/// <summary>
/// The smallest JSON a generated type accepts: required properties only, each with a plain value that fits its type and
/// format. It stands in for an argument or body the spec gives no example for.
/// </summary>
internal sealed class MinimalJson
{
    private readonly Dictionary<string, ApiSchema> _byTypeName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ApiSchema> _byId;

    public MinimalJson(ApiDescription api, IReadOnlyList<FileToRender> files)
    {
        // The projection writes one file per schema first, in schema order.
        for (var i = 0; i < api.Schemas.Count; i++)
        {
            var name = files[i].Model switch
            {
                ModelTemplateModel model => model.Name,
                EnumTemplateModel enumeration => enumeration.Name,
                UnionTemplateModel union => union.Name,
                _ => null,
            };
            if (name is not null)
            {
                _byTypeName[name] = api.Schemas[i];
            }
        }

        _byId = api.Schemas.ToDictionary(schema => schema.Id);
    }

    public JsonNode? For(string clrTypeName) =>
        _byTypeName.TryGetValue(clrTypeName[(clrTypeName.LastIndexOf('.') + 1)..], out var schema) ? Of(schema, 0) : null;

    private JsonNode? Of(ApiSchema schema, int depth)
    {
        if (depth > 8)
        {
            return null;
        }

        switch (schema.Kind)
        {
            case ApiSchemaKind.Enum:
                return JsonValue.Create(schema.EnumValues[0]);
            case ApiSchemaKind.IntegerEnum:
                return JsonValue.Create(long.Parse(schema.EnumValues[0], System.Globalization.CultureInfo.InvariantCulture));
            case ApiSchemaKind.Union:
                return Value(schema.Variants[0].Type, depth);
            default:
                var result = new JsonObject();
                foreach (var property in schema.Properties.Where(property => property.Required && !property.ReadOnly))
                {
                    result[property.JsonName] = Value(property.Type, depth);
                }

                return result;
        }
    }

    private JsonNode? Value(ApiType type, int depth) => type.Kind switch
    {
        ApiTypeKind.String => JsonValue.Create(type.Format switch
        {
            "email" => "user@example.com",
            "uri" or "url" => "https://example.com/",
            "hostname" => "example.com",
            "ipv4" => "127.0.0.1",
            "date-time" => "2024-01-02T03:04:05Z",
            "date" => "2024-01-02",
            "uuid" => "3fa85f64-5717-4562-b3fc-2c963f66afa6",
            "byte" => "AQID",
            _ => "sample",
        }),
        ApiTypeKind.Integer or ApiTypeKind.Number => JsonValue.Create(1),
        ApiTypeKind.Boolean => JsonValue.Create(true),
        ApiTypeKind.Array => Value(type.Element!, depth + 1) is { } item ? new JsonArray(item) : new JsonArray(),
        ApiTypeKind.Map => new JsonObject(),
        ApiTypeKind.Named when _byId.TryGetValue(type.SchemaId!, out var named) => Of(named, depth + 1),
        _ => null,
    };
}
