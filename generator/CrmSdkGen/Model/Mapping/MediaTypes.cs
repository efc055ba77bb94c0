using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.OpenApi;

namespace CrmSdkGen.Model.Mapping;

/// <summary>Chooses which media type of a body or response the client speaks.</summary>
internal static class MediaTypes
{
    public static (string MediaType, IOpenApiMediaType Media, ApiContentKind Kind)? Choose(IDictionary<string, IOpenApiMediaType>? content)
    {
        if (content is null || content.Count == 0)
        {
            return null;
        }

        var ranked = content
            .Select(pair => (pair.Key, pair.Value, Kind: KindOf(pair.Key, pair.Value)))
            .OrderBy(entry => Rank(entry.Kind))
            .First();
        return ranked;
    }

    public static ApiContentKind KindOf(string mediaType, IOpenApiMediaType media)
    {
        var type = mediaType.Split(';')[0].Trim().ToLowerInvariant();

        // A binary schema is a file whatever media type carries it (Swagger 2.0 'type: file' under a JSON default).
        if (media.Schema is not null && IsBinarySchema(media.Schema) && !type.StartsWith("multipart/", StringComparison.Ordinal) && type != "application/x-www-form-urlencoded")
        {
            return ApiContentKind.Binary;
        }

        if (type == "application/json" || type.EndsWith("+json", StringComparison.Ordinal) || type == "text/json" || type == "*/*" && media.Schema is not null && !IsBinarySchema(media.Schema))
        {
            return ApiContentKind.Json;
        }

        if (type is "application/x-www-form-urlencoded")
        {
            return ApiContentKind.Form;
        }

        if (type == "multipart/form-data")
        {
            return ApiContentKind.Multipart;
        }

        if (type.StartsWith("multipart/", StringComparison.Ordinal))
        {
            return ApiContentKind.Raw;
        }

        if (type.StartsWith("text/", StringComparison.Ordinal) || type is "application/xml")
        {
            return ApiContentKind.Text;
        }

        return ApiContentKind.Binary;
    }

    private static bool IsBinarySchema(IOpenApiSchema schema) => string.Equals(SchemaFacts.Resolve(schema).Format, "binary", StringComparison.OrdinalIgnoreCase);

    private static int Rank(ApiContentKind kind) => kind switch
    {
        ApiContentKind.Json => 0,
        ApiContentKind.Form => 1,
        ApiContentKind.Multipart => 2,
        ApiContentKind.Binary => 3,
        ApiContentKind.Text => 4,
        _ => 5,
    };
}
