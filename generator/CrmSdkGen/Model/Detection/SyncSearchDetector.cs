using System;
using System.Collections.Generic;
using System.Linq;

namespace CrmSdkGen.Model.Detection;

/// <summary>
/// Finds a resource's search endpoint (POST on the collection's /search, or the one an x-crmsdkgen-sync extension
/// names) and its dialect from the body's shape: HubSpot's <c>filterGroups</c> of <c>filters</c> with
/// <c>propertyName</c>/<c>operator</c>/<c>value</c> answered by <c>results</c>, or Intercom's <c>query</c> with
/// <c>pagination</c> answered by <c>data</c>. HubSpot's facts that its spec does not state (the filter property
/// lastmodifieddate for contacts and hs_lastmodifieddate otherwise, the tie-break hs_object_id, 10,000 results per
/// query) come with its dialect; the extension overrides each.
/// </summary>
internal static class SyncSearchDetector
{
    public const string FilterGroups = "FilterGroups";
    public const string Query = "Query";

    /// <summary>The record schema the collection's search answers with (its results or data array's items), if it has a search.</summary>
    public static ApiSchema? RecordSchema(IReadOnlyDictionary<string, ApiOperation> byKey, string listPath, ApiSyncHints? hints, Func<string, ApiSchema?> lookup)
    {
        if (Find(byKey, listPath, hints) is not { Result.Type: { Kind: ApiTypeKind.Named, SchemaId: { } resultId } } || lookup(resultId) is not { Kind: ApiSchemaKind.Object } result)
        {
            return null;
        }

        return SchemaHierarchy.AllProperties(result, lookup)
            .Where(property => property.JsonName is "results" or "data")
            .Select(property => property.Type is { Kind: ApiTypeKind.Array, Element: { Kind: ApiTypeKind.Named, SchemaId: { } itemId } } ? lookup(itemId) : null)
            .FirstOrDefault(item => item is { Kind: ApiSchemaKind.Object });
    }

    private static ApiOperation? Find(IReadOnlyDictionary<string, ApiOperation> byKey, string listPath, ApiSyncHints? hints) =>
        hints?.SearchOperation is { } named
            ? SyncOperations.Find(byKey, named)
            : byKey.TryGetValue("POST " + listPath.TrimEnd('/') + "/search", out var found) ? found : null;

    public static ApiSyncSearch? Detect(IReadOnlyDictionary<string, ApiOperation> byKey, string listPath, string key, string? recordModified, ApiSyncHints? hints, Func<string, ApiSchema?> lookup)
    {
        var operation = Find(byKey, listPath, hints);
        if (operation is not { Deprecated: false, Body: { Kind: ApiContentKind.Json, Type: { Kind: ApiTypeKind.Named, SchemaId: { } bodyId } }, Result.Type: { Kind: ApiTypeKind.Named, SchemaId: { } resultId } }
            || lookup(bodyId) is not { Kind: ApiSchemaKind.Object } body || lookup(resultId) is not { Kind: ApiSchemaKind.Object } result)
        {
            return null;
        }

        var bodyProperties = SchemaHierarchy.AllProperties(body, lookup).ToList();
        ApiProperty? Member(List<ApiProperty> properties, string name) => properties.FirstOrDefault(property => property.JsonName == name);
        bool ListsRecords(string name) =>
            Member(SchemaHierarchy.AllProperties(result, lookup).ToList(), name)?.Type is { Kind: ApiTypeKind.Array, Element: { Kind: ApiTypeKind.Named, SchemaId: { } itemId } }
            && lookup(itemId) is { } item && SchemaHierarchy.AllProperties(item, lookup).Any(property => property.JsonName == key);

        if (Member(bodyProperties, "filterGroups") is { Type: { Kind: ApiTypeKind.Array, Element: { Kind: ApiTypeKind.Named, SchemaId: { } groupId } } }
            && HasFilters(groupId, lookup) && ListsRecords("results"))
        {
            var segment = listPath.TrimEnd('/').Split('/').Last();
            var limit = Member(bodyProperties, "limit");
            var sorts = Member(bodyProperties, "sorts")?.Type;
            return new ApiSyncSearch(
                operation.Key,
                FilterGroups,
                hints?.SearchModified ?? (segment is "contacts" or "0-1" ? "lastmodifieddate" : "hs_lastmodifieddate"),
                hints?.SearchTieBreak ?? "hs_object_id",
                hints?.SearchResultCap ?? 10_000,
                hints?.SearchPageSizeMax ?? (limit is null ? PageSizes.Default : PageSizes.Largest(limit.Type, limit.Description)),
                sorts is { Kind: ApiTypeKind.Array, Element: { Kind: ApiTypeKind.Named, SchemaId: { } sortId } } && lookup(sortId) is { Kind: ApiSchemaKind.Object });
        }

        if (Member(bodyProperties, "query") is not null && Member(bodyProperties, "pagination") is { } pagination && ListsRecords("data")
            && (hints?.SearchModified ?? recordModified) is { } modified && !modified.Contains('/'))
        {
            var perPage = pagination.Type is { Kind: ApiTypeKind.Named, SchemaId: { } pagingId } && lookup(pagingId) is { } paging
                ? SchemaHierarchy.AllProperties(paging, lookup).FirstOrDefault(property => property.JsonName == "per_page")
                : null;
            return new ApiSyncSearch(
                operation.Key,
                Query,
                modified,
                hints?.SearchTieBreak,
                hints?.SearchResultCap,
                hints?.SearchPageSizeMax ?? (perPage is null ? PageSizes.Default : PageSizes.Largest(perPage.Type, perPage.Description)),
                Sort: true);
        }

        return null;
    }

    private static bool HasFilters(string groupId, Func<string, ApiSchema?> lookup) =>
        lookup(groupId) is { } group
        && SchemaHierarchy.AllProperties(group, lookup).FirstOrDefault(property => property.JsonName == "filters")?.Type is { Kind: ApiTypeKind.Array, Element: { Kind: ApiTypeKind.Named, SchemaId: { } filterId } }
        && lookup(filterId) is { } filter
        && SchemaHierarchy.AllProperties(filter, lookup).Select(property => property.JsonName).Intersect(new[] { "propertyName", "operator" }).Count() == 2;
}
