using System.Text.Json.Nodes;
using CrmSdkGen.CSharp.Emit;

namespace CrmSdkGen.Tests.Conformance;

/// <summary>
/// The smallest JSON a generated type accepts: required properties only, each with a plain value of its type. It stands
/// in for an argument the spec gives no example for.
/// </summary>
internal sealed class MinimalJson(IReadOnlyList<FileToRender> files)
{
    public JsonNode? For(string typeName, int depth = 0)
    {
        var simple = typeName.TrimEnd('?');
        simple = simple[(simple.LastIndexOf('.') + 1)..];
        if (depth > 6)
        {
            return null;
        }

        foreach (var file in files)
        {
            switch (file.Model)
            {
                case ModelTemplateModel model when model.Name == simple:
                    var result = new JsonObject();
                    foreach (var property in model.Properties.Where(property => property.MustBePresent))
                    {
                        result[property.JsonName] = Value(property.Type, depth);
                    }

                    return result;
                case EnumTemplateModel enumeration when enumeration.Name == simple:
                    return JsonValue.Create(enumeration.Members[0].Value);
                case UnionTemplateModel union when union.Name == simple:
                    return Value(union.Variants[0].Type, depth);
            }
        }

        return null;
    }

    private JsonNode? Value(string type, int depth) => type.TrimEnd('?') switch
    {
        "string" => JsonValue.Create("1"),
        "int" or "long" or "double" or "float" or "decimal" => JsonValue.Create(1),
        "bool" => JsonValue.Create(true),
        "global::System.Guid" => JsonValue.Create("3fa85f64-5717-4562-b3fc-2c963f66afa6"),
        "global::System.DateTimeOffset" => JsonValue.Create("2024-01-02T03:04:05Z"),
        "global::System.DateOnly" => JsonValue.Create("2024-01-02"),
        var list when list.StartsWith("global::System.Collections.Generic.IList<", StringComparison.Ordinal) => new JsonArray(),
        var map when map.StartsWith("global::System.Collections.Generic.IDictionary<", StringComparison.Ordinal) => new JsonObject(),
        var other => For(other, depth + 1),
    };
}
