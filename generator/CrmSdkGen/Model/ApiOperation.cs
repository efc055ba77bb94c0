using CrmSdkGen.Kernel;

namespace CrmSdkGen.Model;

internal enum ApiParameterLocation
{
    Path,
    Query,
    Header,
    Cookie,
}

/// <summary>How a body travels.</summary>
internal enum ApiContentKind
{
    None,
    Json,
    Text,
    Binary,
    Form,
    Multipart,
    Raw,
}

internal sealed record ApiParameter(
    string Name,
    ApiParameterLocation Location,
    ApiType Type,
    bool Required,
    bool Explode,
    string? Description,
    bool Deprecated)
{
    /// <summary>Whether the value is structured (object, map, union) and goes in the query as deepObject brackets.</summary>
    public bool Structured { get; init; }

    /// <summary>The serialisation style: simple, label, matrix, form, spaceDelimited, pipeDelimited or deepObject.</summary>
    public string Style { get; init; } = "simple";

    /// <summary>An example value as JSON text: the parameter's example, else its schema's example, first enum value or default.</summary>
    public string? Example { get; init; }

    /// <summary>Where the parameter is declared (in the operation, its path item, or the undeclared path segment's operation).</summary>
    public string? Pointer { get; init; }
}

/// <param name="DeepObjectProperties">For form bodies, the properties whose encoding is style deepObject.</param>
internal sealed record ApiBody(ApiContentKind Kind, string MediaType, ApiType? Type, bool Required, string? Description, EquatableArray<string> DeepObjectProperties = default)
{
    /// <summary>An example body as JSON text, from the media type's example or examples, or its schema's examples.</summary>
    public string? Example { get; init; }
}

/// <summary>What a successful call returns.</summary>
/// <param name="MayBeEmpty">Whether a declared success response has no content (such as 204), so the value may be absent.</param>
internal sealed record ApiResult(ApiContentKind Kind, ApiType? Type, bool MayBeEmpty, string? Description)
{
    public static ApiResult None { get; } = new(ApiContentKind.None, null, true, null);

    /// <summary>Whether the success response declares a Link header (RFC 8288 rel="next" paging).</summary>
    public bool LinkHeader { get; init; }

    /// <summary>The 2XX statuses the operation declares ("200", "201", "2XX"), in order.</summary>
    public EquatableArray<string> SuccessStatuses { get; init; }

    /// <summary>Where the schema of the body read is declared.</summary>
    public string? Pointer { get; init; }
}

/// <summary>A typed error response: status code, range (4XX) or default.</summary>
internal sealed record ApiErrorResponse(string StatusPattern, ApiType Type);

internal sealed record ApiOperation(
    string Group,
    string? OperationId,
    string Method,
    string Path,
    string? Summary,
    string? Description,
    bool Deprecated,
    EquatableArray<ApiParameter> Parameters,
    ApiBody? Body,
    ApiResult Result,
    EquatableArray<ApiErrorResponse> Errors,
    EquatableArray<SecurityAlternative> Security)
{
    /// <summary>How the operation pages through a collection, when a known pattern was recognised.</summary>
    public ApiPaging? Paging { get; init; }

    /// <summary>The sync choices its x-crmsdkgen-sync extension makes, if it has one.</summary>
    public ApiSyncHints? SyncHints { get; init; }

    /// <summary>Headers the spec declares as parameters with one allowed value (a versioned Accept), sent on every call.</summary>
    public EquatableArray<ApiFixedHeader> FixedHeaders { get; init; }

    /// <summary>"METHOD path", which names the operation among the others.</summary>
    public string Key => Method + " " + Path;
}

/// <summary>A header sent with a fixed value.</summary>
internal sealed record ApiFixedHeader(string Name, string Value);

/// <summary>One way to satisfy an operation's security: every listed scheme at once.</summary>
internal sealed record SecurityAlternative(EquatableArray<string> SchemeKeys);
