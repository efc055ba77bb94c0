namespace CrmSdkGen.CSharp.TemplateModels;

/// <summary>
/// What the SyncAdapter template receives: one resource's adapter for the runtime's sync engine. Calls are C#
/// expressions over the variables of the method they appear in (<c>request</c>, <c>token</c>, <c>key</c>, <c>body</c>,
/// <c>ifMatch</c>, <c>cancellationToken</c>); fields are JSON property names.
/// </summary>
internal sealed class SyncAdapterTemplateModel
{
    public string Namespace { get; set; } = string.Empty;
    public string Name { get; set; } = string.Empty;
    public string ClientName { get; set; } = string.Empty;
    public string ItemType { get; set; } = string.Empty;
    public string Resource { get; set; } = string.Empty;

    /// <summary>Path parameters of the collection (a space, an object type), taken by the constructor and kept in fields.</summary>
    public System.Collections.Generic.List<SyncScopeTemplateModel> Scope { get; } = new();

    /// <summary>
    /// "Watermark" when the list takes an updated-since parameter and records have a time of change, else "Search" when
    /// the resource has a search endpoint, else "Full" (an x-crmsdkgen-sync mode wins where it applies).
    /// </summary>
    public string PullMode { get; set; } = "Full";

    /// <summary>The largest page the list operation allows, when it takes a page size.</summary>
    public int? PageSize { get; set; }

    /// <summary>Whether every listing goes through the search, because the list operation does not page (Intercom's contacts).</summary>
    public bool ListBySearch { get; set; }

    /// <summary>The search call (with the search body in <c>body</c>), when the resource has a search endpoint.</summary>
    public string? SearchCall { get; set; }
    public string? SearchBodyType { get; set; }

    /// <summary>The runtime's SyncSearchDialect member: "FilterGroups" or "Query".</summary>
    public string? SearchDialect { get; set; }
    public string? SearchModified { get; set; }
    public string? SearchTieBreak { get; set; }
    public int? SearchResultCap { get; set; }
    public int SearchPageSize { get; set; }
    public bool SearchSort { get; set; }

    /// <summary>Whether the list call takes <c>deleted</c> (a bool) to list deleted records, whose tombstones a searched resource needs.</summary>
    public bool DeletedListing { get; set; }
    public string KeyField { get; set; } = string.Empty;
    public string? ModifiedField { get; set; }
    public string? DeletedField { get; set; }
    public string? ETagField { get; set; }

    /// <summary>The list call, with the page token in <c>token</c>, the watermark in <c>request.Since</c> and, where it lists deleted records, <c>deleted</c>.</summary>
    public string ListCall { get; set; } = string.Empty;
    public string Items { get; set; } = string.Empty;

    /// <summary>Whether the list call returns the page as a JSON element and <see cref="Items"/> its records as elements.</summary>
    public bool ListJson { get; set; }
    public string Next { get; set; } = string.Empty;
    public string GetCall { get; set; } = string.Empty;

    /// <summary>The C# arguments after the answer (<c>, "data"</c>) that lead from an enveloped answer to its record; empty for bare records.</summary>
    public string RecordPath { get; set; } = string.Empty;
    public string? CreateCall { get; set; }
    public string? CreateBodyType { get; set; }
    public string? UpdateCall { get; set; }
    public string? UpdateBodyType { get; set; }

    /// <summary>Whether the update is a PUT, which takes the whole record rather than the changed fields.</summary>
    public bool UpdateSendsRecord { get; set; }
    public string? DeleteCall { get; set; }

    /// <summary>The batch update call (with the batch body in <c>body</c>), when the spec has a batch endpoint.</summary>
    public string? BatchUpdateCall { get; set; }
    public string? BatchUpdateBodyType { get; set; }

    /// <summary>The JSON names of the batch body's inputs and the batch response's results.</summary>
    public string? BatchInputs { get; set; }
    public string? BatchResults { get; set; }

    /// <summary>The default batch size: 100 with a batch endpoint, else 1.</summary>
    public int BatchSize { get; set; } = 1;

    /// <summary>The operations used, as "METHOD path", for the documentation comment.</summary>
    public string Operations { get; set; } = string.Empty;

    /// <summary>The client calls above as their parts, one per role ("list", "get", "create", "update", "delete", "batch_update", "search").</summary>
    public System.Collections.Generic.List<SyncCallTemplateModel> Calls { get; } = new();
}

/// <summary>A path parameter of the collection that the adapter is built with.</summary>
internal sealed class SyncScopeTemplateModel
{
    public string Name { get; set; } = string.Empty;
    public string Field { get; set; } = string.Empty;
    public string Type { get; set; } = string.Empty;
    public string? Summary { get; set; }
}
