using System;
using System.Collections.Generic;
using System.Linq;
using CrmSdkGen.Kernel;
using CrmSdkGen.Read;

namespace CrmSdkGen.Model.Detection;

/// <summary>
/// Finds the resources a spec exposes for sync — GET on a collection path and GET on the path of one item below it —
/// and picks the key, time-of-change, tombstone and entity-tag properties and the updated-since parameter by the names
/// CRMs give them (HubSpot updatedAt and archived, Salesforce SystemModstamp, Zoho Modified_Time, Dataverse
/// modifiedon and @odata.etag). An x-crmsdkgen-sync extension on the list operation overrides any choice.
/// </summary>
internal static class SyncResourceDetector
{
    private static readonly string[] ModifiedNames =
    {
        "updatedat", "modifiedat", "lastmodifieddate", "hslastmodifieddate", "lastmodified", "systemmodstamp", "modifiedtime",
        "lastmodifiedtime", "lastmodifieddatetime", "modifiedon", "updatetime", "updatedtime", "lastupdated", "lastupdatedat",
        "datemodified", "dateupdated", "updatedon", "updated", "modified",
    };

    private static readonly string[] DeletedNames = { "archived", "isarchived", "deleted", "isdeleted", "removed", "isremoved" };
    private static readonly string[] ETagNames = { "@odata.etag", "@etag", "etag", "_etag" };
    private static readonly string[] PageSizeNames = { "limit", "perpage", "pagesize", "count", "maxresults", "top", "size", "pagelimit" };
    private static readonly string[] DeletedListingNames = { "archived", "deleted", "includedeleted", "includearchived", "showdeleted", "withdeleted" };
    private static readonly string[] ChangeWords = { "updated", "modified", "changed", "lastmodified" };
    private static readonly string[] LowerBoundWords = { "since", "after", "from", "gte", "gt", "start", "min" };

    public static List<ApiSyncResource> Detect(IReadOnlyList<ApiOperation> operations, Func<string, ApiSchema?> lookup, DiagnosticSink sink)
    {
        var byKey = new Dictionary<string, ApiOperation>(StringComparer.Ordinal);
        foreach (var operation in operations)
        {
            byKey[operation.Key] = operation;
        }

        var resources = new List<ApiSyncResource>();
        foreach (var list in operations.Where(operation => operation.Method == "GET" && !operation.Deprecated && !operation.Path.EndsWith("}", StringComparison.Ordinal)))
        {
            if (list.SyncHints is { Enabled: false })
            {
                continue;
            }

            if (Detect(list, byKey, lookup, sink, out var reason) is { } resource)
            {
                resources.Add(resource);
            }
            else if (reason is not null)
            {
                sink.Report(
                    DiagnosticIds.NoSyncAdapter,
                    Severity.Info,
                    $"No sync adapter for {list.Key}: {reason}. Write one by deriving from SyncAdapter (docs/sync.md, 'Writing an adapter'), or set x-crmsdkgen-sync: false on the operation to say none is wanted.",
                    "#/paths/" + SpecPointer.Escape(list.Path) + "/get");
            }
        }

        return resources;
    }

    // Null with a reason for a collection that has a read by id but cannot be synced as it is; null without one for a
    // list that is no resource at all (no read by id below it).
    private static ApiSyncResource? Detect(ApiOperation list, Dictionary<string, ApiOperation> byKey, Func<string, ApiSchema?> lookup, DiagnosticSink sink, out string? reason)
    {
        reason = null;
        var get = byKey.Values.FirstOrDefault(candidate => candidate.Method == "GET" && !candidate.Deprecated && ItemParameter(list.Path, candidate.Path) is not null);
        var scope = list.Parameters.Where(parameter => parameter.Location == ApiParameterLocation.Path).Select(parameter => parameter.Name).ToList();
        if (get is null || ItemParameter(list.Path, get.Path) is not { } keyParameter)
        {
            return null;
        }

        var required = list.Parameters.Where(parameter => parameter.Required && parameter.Location != ApiParameterLocation.Path).Select(parameter => parameter.Name).ToList();
        reason = required.Count > 0 ? $"the list requires {string.Join(", ", required)}, which a sync cannot fill"
            : !OnlyKeyRequired(get, keyParameter, scope) ? $"{get.Key} requires parameters besides '{keyParameter}'"
            : get.Result.Type is not { Kind: ApiTypeKind.Named } ? $"{get.Key} answers no JSON object"
            : list.Paging?.Kind is ApiPagingKind.NextLink or ApiPagingKind.LinkHeader && list.SyncHints?.Mode is not ("cursor" or "deltaToken") ? "the list pages by links, which generated adapters do not follow"
            : null;
        if (reason is not null)
        {
            return null;
        }

        // A list that does not page (Intercom's GET /contacts) leaves the listing to the collection's search, if it has one.
        var item = ItemSchema(list, lookup);
        var listRecords = EquatableArray<string>.Empty;
        var listBySearch = false;
        string? unfollowed = null;
        if (item is null && SyncRecordLocator.UnpagedRecords(list, lookup, out unfollowed) is { } unpaged)
        {
            (listRecords, item) = unpaged;
        }

        if (item is null && SyncSearchDetector.RecordSchema(byKey, list.Path, list.SyncHints, lookup) is { } searched)
        {
            item = searched;
            listBySearch = true;
        }

        if (item is null)
        {
            reason = unfollowed is not null
                ? $"the list answers its records beside paging members the generator does not follow ({unfollowed})"
                : "the records of the list were not found (the answer is neither an array nor an envelope with an array of objects)";
            return null;
        }

        var hints = list.SyncHints;
        var properties = SchemaHierarchy.AllProperties(item, lookup).ToList();
        var names = new HashSet<string>(properties.Select(property => property.JsonName), StringComparer.Ordinal);
        string? Checked(string? hint, bool exists, string what)
        {
            if (hint is not null && !exists)
            {
                sink.Report(DiagnosticIds.InvalidSyncHint, Severity.Warning, $"The sync extension names {what} '{hint}', which the spec does not have; the generator chooses instead.", hints!.Pointer);
                return null;
            }

            return hint;
        }

        bool IsProperty(string? path) => path is not null && names.Contains(path.Split('/')[0]);
        bool IsParameter(string? name) => list.Parameters.Any(parameter => parameter.Name == name);
        var key = Checked(hints?.Key, IsProperty(hints?.Key), "the record property")
            ?? properties.FirstOrDefault(property => property.JsonName == keyParameter)?.JsonName
            ?? properties.FirstOrDefault(property => Normal(property.JsonName) == "id")?.JsonName;
        if (key is null)
        {
            reason = $"no record property is named like the path parameter '{keyParameter}' or 'id' (name it with x-crmsdkgen-sync: {{ key: <property> }})";
            return null;
        }

        // Reads, creates and updates answer with the record, bare or in one property of an envelope (the same for all).
        if (SyncRecordLocator.RecordPath(get, key, lookup) is not { } recordPath)
        {
            reason = $"{get.Key} answers neither with a record that has '{key}' nor with an envelope holding one in a property";
            return null;
        }

        bool AnswersWithRecord(ApiOperation operation) => SyncRecordLocator.RecordPath(operation, key, lookup) is { } path && path.Equals(recordPath);

        var modified = Checked(hints?.Modified, IsProperty(hints?.Modified), "the record property")
            ?? Pick(properties, ModifiedNames, property => property.Type.Kind == ApiTypeKind.String && property.Type.Format is "date-time" or null || property.Type.Kind == ApiTypeKind.Integer);
        var deleted = Checked(hints?.Deleted, IsProperty(hints?.Deleted), "the record property") ?? Pick(properties, DeletedNames, property => property.Type.Kind == ApiTypeKind.Boolean);
        var etag = Checked(hints?.ETag, IsProperty(hints?.ETag), "the record property") ?? Pick(properties, ETagNames, property => property.Type.Kind == ApiTypeKind.String);
        var since = Checked(hints?.UpdatedSince, IsParameter(hints?.UpdatedSince), "the list parameter") ?? list.Parameters.FirstOrDefault(IsUpdatedSince)?.Name;
        var pageSize = Checked(hints?.PageSize, IsParameter(hints?.PageSize), "the list parameter") is { } sizeName
            ? list.Parameters.First(parameter => parameter.Name == sizeName)
            : PageSizeNames.Select(name => list.Parameters.FirstOrDefault(parameter => parameter.Location == ApiParameterLocation.Query && parameter.Type.Kind == ApiTypeKind.Integer && Normal(parameter.Name).TrimStart('$') == name)).FirstOrDefault(found => found is not null);
        var deletedListing = Checked(hints?.DeletedListing, list.Parameters.Any(parameter => parameter.Name == hints?.DeletedListing && parameter.Type.Kind == ApiTypeKind.Boolean), "the boolean list parameter")
            ?? (deleted is null ? null : list.Parameters.FirstOrDefault(parameter => parameter.Location == ApiParameterLocation.Query && parameter.Type.Kind == ApiTypeKind.Boolean && DeletedListingNames.Contains(Normal(parameter.Name)))?.Name);
        Checked(hints?.SearchOperation, hints?.SearchOperation is { } searchName && SyncOperations.Find(byKey, searchName) is not null, "the search operation");
        var search = SyncSearchDetector.Detect(byKey, list.Path, key, modified, hints, lookup);
        if (hints?.SearchOperation is { } named && search is null && SyncOperations.Find(byKey, named) is not null)
        {
            sink.Report(DiagnosticIds.InvalidSyncHint, Severity.Warning, $"The search operation '{named}' takes neither HubSpot's filterGroups nor Intercom's query body, or does not answer with the records; the resource is not searched.", hints.Pointer);
        }

        if (listBySearch && search is null)
        {
            reason = "the list does not page and the collection's search cannot list its records";
            return null;
        }

        if (hints?.Mode == "search" && search is null)
        {
            sink.Report(DiagnosticIds.InvalidSyncHint, Severity.Warning, "The sync extension asks for mode 'search', but the resource has no search operation the generator can call; the generator chooses the mode.", hints.Pointer);
        }

        var batchHint = Checked(hints?.BatchUpdate, hints?.BatchUpdate is { } batchName && SyncOperations.Find(byKey, batchName) is not null, "the batch update operation");
        var batch = BatchUpdate(byKey, batchHint is null ? "POST " + list.Path.TrimEnd('/') + "/batch/update" : SyncOperations.Find(byKey, batchHint)!.Key, key, scope, names, lookup);
        var itemPath = ItemPath(list.Path, keyParameter);
        ApiOperation? Answering(ApiOperation? operation) => operation is not null && AnswersWithRecord(operation) ? operation : null;
        return new ApiSyncResource(
            hints?.Resource ?? ResourceName(list.Path),
            item.Id,
            key,
            keyParameter,
            modified,
            deleted,
            etag,
            since is not null && list.Parameters.Any(parameter => parameter.Name == since) ? since : null,
            pageSize?.Name,
            scope.ToEquatableArray(),
            list.Key,
            get.Key,
            Answering(WithBody(byKey, "POST " + list.Path, keyParameter: null, scope))?.Key,
            Answering(WithBody(byKey, "PATCH " + itemPath, keyParameter, scope) ?? WithBody(byKey, "PUT " + itemPath, keyParameter, scope))?.Key,
            byKey.TryGetValue("DELETE " + itemPath, out var delete) && !delete.Deprecated && OnlyKeyRequired(delete, keyParameter, scope) ? delete.Key : null)
        {
            PageSize = pageSize is null ? null : hints?.PageSizeMax ?? PageSizes.Largest(pageSize.Type, pageSize.Description),
            Mode = hints?.Mode,
            Search = search,
            ListBySearch = listBySearch,
            DeletedListing = deletedListing,
            BatchUpdate = batch?.Operation,
            BatchInputs = batch?.Inputs,
            BatchResults = batch?.Results,
            RecordPath = recordPath,
            ListRecordsPath = listRecords,
        };
    }

    // HubSpot's shape: POST {collection}/batch/update with {inputs: [{id, ...changes}]}, answering {results: [records]}.
    private static (string Operation, string Inputs, string Results)? BatchUpdate(Dictionary<string, ApiOperation> byKey, string operation, string key, List<string> scope, HashSet<string> recordProperties, Func<string, ApiSchema?> lookup)
    {
        if (!byKey.TryGetValue(operation, out var batch) || batch.Deprecated || !OnlyKeyRequired(batch, null, scope)
            || batch.Body is not { Kind: ApiContentKind.Json, Type: { Kind: ApiTypeKind.Named, SchemaId: { } bodyId } }
            || batch.Result.Type is not { Kind: ApiTypeKind.Named, SchemaId: { } resultId })
        {
            return null;
        }

        // The array of records among the schema's arrays (a 207 answer also has its "errors", whose items have an id
        // too): the one whose items share the most properties with a listed record.
        string? ArrayOfRecords(string schemaId)
        {
            var arrays = lookup(schemaId) is { Kind: ApiSchemaKind.Object } schema
                ? SchemaHierarchy.AllProperties(schema, lookup)
                    .Select(property => (property.JsonName, Item: property.Type is { Kind: ApiTypeKind.Array, Element: { Kind: ApiTypeKind.Named, SchemaId: { } itemId } } ? lookup(itemId) : null))
                    .Where(array => array.Item is not null && SchemaHierarchy.AllProperties(array.Item, lookup).Any(member => member.JsonName == key))
                    .Select(array => (array.JsonName, Shared: SchemaHierarchy.AllProperties(array.Item!, lookup).Count(member => recordProperties.Contains(member.JsonName))))
                    .OrderByDescending(array => array.Shared)
                    .ToList()
                : new List<(string JsonName, int Shared)>();
            return arrays.Count == 1 || (arrays.Count > 1 && arrays[0].Shared > arrays[1].Shared) ? arrays[0].JsonName : null;
        }

        return ArrayOfRecords(bodyId) is { } inputs && ArrayOfRecords(resultId) is { } results ? (batch.Key, inputs, results) : null;
    }

    // The parameter name when itemPath is listPath plus one "{parameter}" segment.
    private static string? ItemParameter(string listPath, string itemPath)
    {
        var prefix = listPath.TrimEnd('/') + "/{";
        return itemPath.StartsWith(prefix, StringComparison.Ordinal) && itemPath.EndsWith("}", StringComparison.Ordinal)
            && itemPath.IndexOf('/', prefix.Length) < 0
            ? itemPath.Substring(prefix.Length, itemPath.Length - prefix.Length - 1)
            : null;
    }

    private static string ItemPath(string listPath, string keyParameter) => listPath.TrimEnd('/') + "/{" + keyParameter + "}";

    private static bool OnlyKeyRequired(ApiOperation operation, string? keyParameter, List<string> scope) =>
        operation.Parameters.All(parameter => !parameter.Required || parameter.Name == keyParameter || scope.Contains(parameter.Name));

    private static ApiOperation? WithBody(Dictionary<string, ApiOperation> byKey, string key, string? keyParameter, List<string> scope) =>
        byKey.TryGetValue(key, out var operation)
        && !operation.Deprecated
        && operation.Body is { Kind: ApiContentKind.Json, Type.Kind: ApiTypeKind.Named }
        && operation.Result.Type is { Kind: ApiTypeKind.Named }
        && OnlyKeyRequired(operation, keyParameter, scope)
            ? operation
            : null;

    // The object schema of one listed record: the items of the paging pattern's array, or of an array result.
    private static ApiSchema? ItemSchema(ApiOperation list, Func<string, ApiSchema?> lookup)
    {
        var type = list.Result.Type;
        if (type is { Kind: ApiTypeKind.Named } && list.Paging is { } paging)
        {
            foreach (var name in paging.ItemsPath)
            {
                type = type is { Kind: ApiTypeKind.Named, SchemaId: { } id } && lookup(id) is { } schema
                    ? SchemaHierarchy.AllProperties(schema, lookup).FirstOrDefault(property => property.JsonName == name)?.Type
                    : null;
            }
        }

        return type is { Kind: ApiTypeKind.Array, Element: { Kind: ApiTypeKind.Named, SchemaId: { } itemId } } && lookup(itemId) is { Kind: ApiSchemaKind.Object } item
            ? item
            : null;
    }

    private static bool IsUpdatedSince(ApiParameter parameter)
    {
        if (parameter.Location is not (ApiParameterLocation.Query or ApiParameterLocation.Header) || parameter.Structured
            || parameter.Type.Kind is not (ApiTypeKind.String or ApiTypeKind.Integer))
        {
            return false;
        }

        var name = Normal(parameter.Name);
        return name is "since" or "ifmodifiedsince"
            || (ChangeWords.Any(word => name.StartsWith(word, StringComparison.Ordinal)) && LowerBoundWords.Any(word => name.EndsWith(word, StringComparison.Ordinal)));
    }

    private static string? Pick(List<ApiProperty> properties, string[] names, Func<ApiProperty, bool> fits) =>
        names.Select(name => properties.FirstOrDefault(property => Normal(property.JsonName) == Normal(name) && fits(property))).FirstOrDefault(found => found is not null)?.JsonName;

    private static string ResourceName(string listPath) =>
        listPath.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "records";

    // Lower case letters, digits, '@' and '.', so that "Modified_Time", "modifiedTime" and "modified-time" compare equal.
    private static string Normal(string name) =>
        new string(name.Where(character => char.IsLetterOrDigit(character) || character is '@' or '.').Select(char.ToLowerInvariant).ToArray());
}
