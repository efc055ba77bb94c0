using CrmSdkGen.Kernel;

namespace CrmSdkGen.Model;

/// <summary>
/// A resource the spec exposes for sync: a list operation on a collection path and a read by id below it, with the
/// create, update and delete operations the spec has. Operations are named by "METHOD path".
/// </summary>
/// <param name="Name">The resource's name, from the collection path's last segment ("contacts").</param>
/// <param name="ItemSchemaId">The schema of one record.</param>
/// <param name="KeyField">The record property that holds the key.</param>
/// <param name="KeyParameter">The path parameter that takes the key.</param>
/// <param name="ModifiedField">The record property with the time of last change, if one was found.</param>
/// <param name="DeletedField">A boolean record property that marks a tombstone, if one was found.</param>
/// <param name="ETagField">A record property with the entity tag, if one was found.</param>
/// <param name="UpdatedSinceParameter">The list parameter that filters by time of last change, if one was found.</param>
/// <param name="PageSizeParameter">The list parameter that sets how many records a page holds, if one was found.</param>
/// <param name="ScopeParameters">Path parameters the collection path itself takes (a space, an object type), which the adapter is built with.</param>
internal sealed record ApiSyncResource(
    string Name,
    string ItemSchemaId,
    string KeyField,
    string KeyParameter,
    string? ModifiedField,
    string? DeletedField,
    string? ETagField,
    string? UpdatedSinceParameter,
    string? PageSizeParameter,
    EquatableArray<string> ScopeParameters,
    string List,
    string Get,
    string? Create,
    string? Update,
    string? Delete)
{
    /// <summary>The page size to ask for: the largest the list operation allows, when it takes one.</summary>
    public int? PageSize { get; init; }

    /// <summary>The pull mode an x-crmsdkgen-sync extension asks for (full, watermark, search, cursor, deltaToken).</summary>
    public string? Mode { get; init; }

    /// <summary>How changes are found through the CRM's search endpoint, when it has one.</summary>
    public ApiSyncSearch? Search { get; init; }

    /// <summary>Whether full listings go through the search too, because the list operation does not page.</summary>
    public bool ListBySearch { get; init; }

    /// <summary>A boolean list parameter that lists deleted records (HubSpot's archived), for the tombstones of searched resources.</summary>
    public string? DeletedListing { get; init; }

    /// <summary>The batch update operation (POST on the collection's /batch/update), when the spec has one.</summary>
    public string? BatchUpdate { get; init; }

    /// <summary>The batch body's array of inputs (each the update body plus the key).</summary>
    public string? BatchInputs { get; init; }

    /// <summary>The batch response's array of updated records.</summary>
    public string? BatchResults { get; init; }

    /// <summary>The property names from a read's, create's or update's answer to the record (Pipedrive's and Zoho's "data"); empty when the answer is the record.</summary>
    public EquatableArray<string> RecordPath { get; init; } = EquatableArray<string>.Empty;

    /// <summary>For a list that does not page, the property names from its answer to the array of records; empty when the paging pattern or a bare array says where they are.</summary>
    public EquatableArray<string> ListRecordsPath { get; init; } = EquatableArray<string>.Empty;
}
