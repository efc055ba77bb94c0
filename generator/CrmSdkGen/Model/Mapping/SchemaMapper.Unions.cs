using System.Collections.Generic;
using System.Linq;
using CrmSdkGen.Kernel;
using Microsoft.OpenApi;

namespace CrmSdkGen.Model.Mapping;

/// <summary>oneOf/anyOf unions and multi-type schemas, as union schemas of their alternatives.</summary>
internal sealed partial class SchemaMapper
{
    private ApiSchema BuildUnion(IOpenApiSchema schema, string id, NameHint preferredName)
    {
        var keyword = schema.OneOf is { Count: > 0 } ? "oneOf" : "anyOf";
        var alternatives = keyword == "oneOf" ? schema.OneOf! : schema.AnyOf!;
        var mapping = schema.Discriminator?.Mapping ?? new Dictionary<string, OpenApiSchemaReference>();
        var variants = new List<ApiUnionVariant>();
        for (var i = 0; i < alternatives.Count; i++)
        {
            var alternative = alternatives[i];
            if (SchemaFacts.IsOnlyNull(SchemaFacts.Resolve(alternative)))
            {
                continue;
            }

            var type = Map(alternative, $"{id}/{keyword}/{i}", preferredName + "_Option" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (type.Kind == ApiTypeKind.Named && type.SchemaId == id)
            {
                // The union as its own alternative adds no value the others lack.
                continue;
            }

            var values = new List<string>();
            if (schema.Discriminator?.PropertyName is not null && alternative is OpenApiSchemaReference { Reference.Id: { } referenced })
            {
                values.AddRange(mapping.Where(pair => pair.Value?.Reference?.Id == referenced).Select(pair => pair.Key));
                if (values.Count == 0)
                {
                    // Without an explicit mapping the schema's own name is the discriminator value.
                    values.Add(referenced);
                }
            }

            variants.Add(new ApiUnionVariant(type, values.ToEquatableArray()));
        }

        return new ApiSchema(id, preferredName.Text, ApiSchemaKind.Union, SchemaFacts.Describe(schema), schema.Deprecated, EquatableArray<ApiProperty>.Empty, null, EquatableArray<string>.Empty)
        {
            Variants = variants.ToEquatableArray(),
            Discriminator = schema.Discriminator?.PropertyName,
        };
    }

    private ApiSchema BuildMultiType(IOpenApiSchema schema, string id, NameHint preferredName)
    {
        var variants = new List<ApiUnionVariant>();
        var format = string.IsNullOrEmpty(schema.Format) ? null : schema.Format!.ToLowerInvariant();
        foreach (var single in new[] { JsonSchemaType.Boolean, JsonSchemaType.Integer, JsonSchemaType.Number, JsonSchemaType.String, JsonSchemaType.Array, JsonSchemaType.Object })
        {
            if ((SchemaFacts.NonNullType(schema) & single) == 0)
            {
                continue;
            }

            ApiType type = single switch
            {
                JsonSchemaType.Boolean => new ApiType(ApiTypeKind.Boolean),
                JsonSchemaType.Integer => new ApiType(ApiTypeKind.Integer, format),
                JsonSchemaType.Number => new ApiType(ApiTypeKind.Number, format),
                JsonSchemaType.String => new ApiType(ApiTypeKind.String, format),
                JsonSchemaType.Array => new ApiType(ApiTypeKind.Array, Element: Map(schema.Items, id + "/items", preferredName + "Item")),
                _ => new ApiType(ApiTypeKind.Map, Element: schema.AdditionalProperties is null ? ApiType.Any : Map(schema.AdditionalProperties, id + "/additionalProperties", preferredName + "Value")),
            };
            variants.Add(new ApiUnionVariant(type, EquatableArray<string>.Empty));
        }

        return new ApiSchema(id, preferredName.Text, ApiSchemaKind.Union, SchemaFacts.Describe(schema), schema.Deprecated, EquatableArray<ApiProperty>.Empty, null, EquatableArray<string>.Empty)
        {
            Variants = variants.ToEquatableArray(),
        };
    }
}
