using System.Text.Json.Nodes;
using CrmSdkGen.CSharp.TemplateModels;
using CrmSdkGen.Generation;
using CrmSdkGen.Model;

namespace CrmSdkGen.Tests.Conformance;

/// <summary>
/// The smallest JSON a generated type accepts (the request files' <see cref="RequestExamples.Smallest"/>), found by the
/// type's name. It stands in for an argument or body the spec gives no example for.
/// </summary>
internal sealed class MinimalJson
{
    private readonly Dictionary<string, ApiSchema> _byTypeName = new(StringComparer.Ordinal);
    private readonly RequestExamples _examples;

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

        _examples = new RequestExamples(api);
    }

    public JsonNode? For(string clrTypeName) =>
        _byTypeName.TryGetValue(clrTypeName[(clrTypeName.LastIndexOf('.') + 1)..], out var schema) ? _examples.Smallest(new ApiType(ApiTypeKind.Named, SchemaId: schema.Id)) : null;
}
