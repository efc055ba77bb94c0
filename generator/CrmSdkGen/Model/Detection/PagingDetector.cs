using System;
using System.Collections.Generic;
using System.Linq;
using CrmSdkGen.Kernel;

namespace CrmSdkGen.Model.Detection;

/// <summary>Recognises the paging patterns CRMs use from an operation's query parameters and response schema.</summary>
internal static class PagingDetector
{
    private static readonly string[] ItemNames = { "results", "data", "items", "value", "records", "entries", "elements", "objects" };
    private static readonly string[] LinkFields = { "@odata.nextLink", "odata.nextLink", "nextLink", "next_link", "@nextLink" };
    private static readonly string[] CursorParameters =
        { "after", "cursor", "page_token", "pageToken", "next_page_token", "nextPageToken", "continuation", "continuationToken", "continuation_token", "next_token", "nextToken", "page_cursor", "pageCursor" };
    private static readonly string[] CursorFields =
        { "after", "next_cursor", "nextCursor", "next_page_token", "nextPageToken", "continuation_token", "continuationToken", "next_token", "nextToken", "next_page_cursor", "nextPageCursor", "cursor", "next" };
    private static readonly string[] PositionParameters = { "start", "offset", "skip" };
    private static readonly string[] PositionFields = { "next_start", "nextStart", "next_offset", "nextOffset" };
    private static readonly string[] OffsetParameters = { "offset", "skip", "start" };
    private static readonly string[] PageParameters = { "page", "page_number", "pageNumber", "page_no" };
    private static readonly string[] MoreFlags =
        { "more_items_in_collection", "has_more", "hasMore", "more_records", "moreRecords", "has_more_items", "hasMoreItems", "has_next", "hasNext", "has_next_page", "hasNextPage" };
    private static readonly string[] DoneFlags = { "done", "is_last", "isLast", "last_page", "lastPage" };
    private const int SearchDepth = 3;

    public static ApiPaging? Detect(ApiOperation operation, Func<string, ApiSchema?> lookup)
    {
        var paging = DetectPattern(operation, lookup);
        return paging is { Kind: not ApiPagingKind.LastItemId, ItemsPath.Count: > 0 } && lookup(operation.Result.Type!.SchemaId!) is { } response
            ? WithStopFlag(paging, response, lookup)
            : paging;
    }

    private static ApiPaging WithStopFlag(ApiPaging paging, ApiSchema response, Func<string, ApiSchema?> lookup) =>
        Find(response, lookup, MoreFlags, ApiTypeKind.Boolean) is { } more ? paging with { StopFlagPath = more, StopFlagMeansMore = true }
        : Find(response, lookup, DoneFlags, ApiTypeKind.Boolean) is { } done ? paging with { StopFlagPath = done, StopFlagMeansMore = false }
        : paging;

    private static ApiPaging? DetectPattern(ApiOperation operation, Func<string, ApiSchema?> lookup)
    {
        if (operation.Method != "GET" || operation.Result.Kind != ApiContentKind.Json || operation.Result.MayBeEmpty || operation.Result.Type is not { } type)
        {
            return null;
        }

        var query = operation.Parameters.Where(parameter => parameter.Location == ApiParameterLocation.Query && !parameter.Required && !parameter.Structured)
            .ToDictionary(parameter => parameter.Name, StringComparer.Ordinal);
        var none = EquatableArray<string>.Empty;
        if (type.Kind == ApiTypeKind.Array)
        {
            return NumberParameter(query, OffsetParameters) is { } offset ? new ApiPaging(ApiPagingKind.Offset, offset, none, none)
                : NumberParameter(query, PageParameters) is { } page ? new ApiPaging(ApiPagingKind.PageNumber, page, none, none)
                : operation.Result.LinkHeader ? new ApiPaging(ApiPagingKind.LinkHeader, null, none, none)
                : null;
        }

        if (type.Kind != ApiTypeKind.Named || lookup(type.SchemaId!) is not { Kind: ApiSchemaKind.Object } response)
        {
            return null;
        }

        var properties = SchemaHierarchy.AllProperties(response, lookup).ToList();
        var itemsProperty = ItemNames.Select(name => properties.FirstOrDefault(property => property.JsonName == name && property.Type.Kind == ApiTypeKind.Array)).FirstOrDefault(found => found is not null)
            ?? (properties.Count(property => property.Type.Kind == ApiTypeKind.Array) == 1 ? properties.Single(property => property.Type.Kind == ApiTypeKind.Array) : null);
        if (itemsProperty is null)
        {
            return null;
        }

        var items = new[] { itemsProperty.JsonName }.ToEquatableArray();
        if (properties.FirstOrDefault(property => LinkFields.Contains(property.JsonName) && property.Type.Kind == ApiTypeKind.String) is { } link)
        {
            return new ApiPaging(ApiPagingKind.NextLink, null, items, new[] { link.JsonName }.ToEquatableArray());
        }

        if (CursorParameters.FirstOrDefault(name => query.TryGetValue(name, out var parameter) && parameter.Type.Kind == ApiTypeKind.String) is { } cursorParameter
            && Find(response, lookup, CursorFields, ApiTypeKind.String) is { } cursorPath)
        {
            return new ApiPaging(ApiPagingKind.Cursor, cursorParameter, items, cursorPath);
        }

        if (query.TryGetValue("starting_after", out var startingAfter) && startingAfter.Type.Kind == ApiTypeKind.String
            && properties.Any(property => property.JsonName == "has_more" && property.Type.Kind == ApiTypeKind.Boolean)
            && itemsProperty.Type.Element is { Kind: ApiTypeKind.Named } element && lookup(element.SchemaId!) is { Kind: ApiSchemaKind.Object } item
            && SchemaHierarchy.AllProperties(item, lookup).Any(property => property.JsonName == "id" && property.Type.Kind == ApiTypeKind.String))
        {
            return new ApiPaging(ApiPagingKind.LastItemId, "starting_after", items, new[] { "has_more" }.ToEquatableArray());
        }

        if (NumberParameter(query, PositionParameters) is { } positionParameter && Find(response, lookup, PositionFields, ApiTypeKind.Integer) is { } positionPath)
        {
            return new ApiPaging(ApiPagingKind.NextPosition, positionParameter, items, positionPath);
        }

        return NumberParameter(query, OffsetParameters) is { } offsetParameter ? new ApiPaging(ApiPagingKind.Offset, offsetParameter, items, none)
            : NumberParameter(query, PageParameters) is { } pageParameter ? new ApiPaging(ApiPagingKind.PageNumber, pageParameter, items, none)
            : operation.Result.LinkHeader ? new ApiPaging(ApiPagingKind.LinkHeader, null, items, none)
            : null;
    }

    private static string? NumberParameter(Dictionary<string, ApiParameter> query, string[] names) =>
        names.FirstOrDefault(name => query.TryGetValue(name, out var parameter) && parameter.Type.Kind == ApiTypeKind.Integer);

    // Breadth first, so the shallowest match wins (paging.next.after before some deeper "after").
    private static EquatableArray<string>? Find(ApiSchema root, Func<string, ApiSchema?> lookup, string[] names, ApiTypeKind kind)
    {
        var queue = new Queue<(ApiSchema Schema, List<string> Path)>();
        queue.Enqueue((root, new List<string>()));
        var visited = new HashSet<string> { root.Id };
        while (queue.Count > 0)
        {
            var (schema, path) = queue.Dequeue();
            var properties = SchemaHierarchy.AllProperties(schema, lookup).ToList();
            foreach (var name in names)
            {
                if (properties.FirstOrDefault(property => property.JsonName == name && property.Type.Kind == kind) is { } found)
                {
                    return path.Append(found.JsonName).ToEquatableArray();
                }
            }

            if (path.Count + 1 >= SearchDepth)
            {
                continue;
            }

            foreach (var property in properties)
            {
                if (property.Type is { Kind: ApiTypeKind.Named, SchemaId: { } id } && lookup(id) is { Kind: ApiSchemaKind.Object } child && visited.Add(id))
                {
                    queue.Enqueue((child, path.Append(property.JsonName).ToList()));
                }
            }
        }

        return null;
    }
}
