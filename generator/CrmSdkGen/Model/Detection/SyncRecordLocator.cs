using System;
using System.Collections.Generic;
using System.Linq;
using CrmSdkGen.Kernel;

namespace CrmSdkGen.Model.Detection;

/// <summary>
/// Where the records sit in a resource's answers: the answer itself, or one property of an envelope around it
/// (Pipedrive's and Zoho's <c>data</c>, Salesforce's <c>records</c>), found from the schema: the property whose object
/// (or array of objects, for a list) carries the record's key, preferring the usual envelope names.
/// </summary>
internal static class SyncRecordLocator
{
    /// <summary>The property names envelopes hold their records in, most usual first.</summary>
    public static readonly string[] EnvelopeNames = { "data", "record", "records", "result", "results", "item", "items", "value", "resource", "object", "objects", "entries", "elements" };
    private static readonly string[] PagingWords = { "next", "cursor", "page", "offset", "more", "continuation", "token", "done", "total", "start" };

    /// <summary>
    /// The property names from <paramref name="operation"/>'s answer to the record that has <paramref name="key"/>:
    /// empty for the record itself, one name for an envelope; null when the answer holds no such record.
    /// </summary>
    public static EquatableArray<string>? RecordPath(ApiOperation operation, string key, Func<string, ApiSchema?> lookup)
    {
        if (operation.Result.Type is not { Kind: ApiTypeKind.Named, SchemaId: { } id } || lookup(id) is not { Kind: ApiSchemaKind.Object } answer)
        {
            return null;
        }

        var properties = SchemaHierarchy.AllProperties(answer, lookup).ToList();
        if (properties.Any(property => property.JsonName == key))
        {
            return EquatableArray<string>.Empty;
        }

        var holders = properties.Where(property => Record(property.Type, lookup) is { } record && Has(record, key, lookup)).ToList();
        var holder = Preferred(holders);
        return holder is null ? null : new[] { holder.JsonName }.ToEquatableArray();
    }

    /// <summary>
    /// For a list that does not page, the array of records inside its envelope and the record schema; null when the
    /// answer has none, or has members that look like paging the generator does not follow (Salesforce's
    /// nextRecordsUrl and done, Intercom's pages), since reading one page as the whole listing would lose the rest;
    /// <paramref name="unfollowed"/> then names them.
    /// </summary>
    public static (EquatableArray<string> Path, ApiSchema Item)? UnpagedRecords(ApiOperation list, Func<string, ApiSchema?> lookup, out string? unfollowed)
    {
        unfollowed = null;
        if (list.Paging is not null || list.Result.Type is not { Kind: ApiTypeKind.Named, SchemaId: { } id } || lookup(id) is not { Kind: ApiSchemaKind.Object } answer)
        {
            return null;
        }

        var properties = SchemaHierarchy.AllProperties(answer, lookup).ToList();
        var arrays = properties.Where(property => property.Type is { Kind: ApiTypeKind.Array, Element: { } element } && Record(element, lookup) is not null).ToList();
        if (Preferred(arrays) is not { } records)
        {
            return null;
        }

        var paging = properties.Where(property => property != records && PagingWords.Any(word => property.JsonName.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0)).ToList();
        if (paging.Count > 0)
        {
            unfollowed = string.Join(", ", paging.Select(property => property.JsonName));
            return null;
        }

        return (new[] { records.JsonName }.ToEquatableArray(), Record(records.Type.Element!, lookup)!);
    }

    private static ApiProperty? Preferred(List<ApiProperty> candidates) =>
        EnvelopeNames.Select(name => candidates.FirstOrDefault(candidate => candidate.JsonName == name)).FirstOrDefault(found => found is not null)
        ?? (candidates.Count == 1 ? candidates[0] : null);

    private static ApiSchema? Record(ApiType type, Func<string, ApiSchema?> lookup) =>
        type is { Kind: ApiTypeKind.Named, SchemaId: { } id } && lookup(id) is { Kind: ApiSchemaKind.Object } schema ? schema : null;

    private static bool Has(ApiSchema record, string key, Func<string, ApiSchema?> lookup) =>
        SchemaHierarchy.AllProperties(record, lookup).Any(property => property.JsonName == key);
}
