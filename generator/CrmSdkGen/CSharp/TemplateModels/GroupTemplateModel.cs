using System.Collections.Generic;

namespace CrmSdkGen.CSharp.TemplateModels;

/// <summary>What the Group template receives: the operations of one tag as a sub-client.</summary>
internal sealed class GroupTemplateModel
{
    public string Namespace { get; set; } = string.Empty;
    public string Name { get; set; } = string.Empty;

    /// <summary>The interface the client implements (every public method), for mocking.</summary>
    public string InterfaceName { get; set; } = string.Empty;
    public string Tag { get; set; } = string.Empty;
    public List<OperationTemplateModel> Operations { get; } = new();
    public List<CodecField> Codecs { get; set; } = new();
    public List<ErrorMapTemplateModel> ErrorMaps { get; } = new();
}

/// <summary>One operation as a method.</summary>
internal sealed class OperationTemplateModel
{
    public string MethodName { get; set; } = string.Empty;

    /// <summary>The method's name without "Async", which the PrepareRequest and ProcessResponse hooks receive.</summary>
    public string OperationName { get; set; } = string.Empty;
    public string? Summary { get; set; }
    public string? Description { get; set; }
    public string? ResultDescription { get; set; }
    public bool Deprecated { get; set; }
    public string ReturnType { get; set; } = string.Empty;
    public List<ParameterTemplateModel> Parameters { get; } = new();
    public string HttpMethod { get; set; } = string.Empty;
    public string Method { get; set; } = string.Empty;
    public string Path { get; set; } = string.Empty;
    public string Security { get; set; } = string.Empty;

    /// <summary>Statements that put the arguments on the request: each parameter's <c>statement</c>, in order, then the headers the spec fixes (a versioned Accept).</summary>
    public List<string> Statements { get; } = new();

    /// <summary>The call of the request method with the arguments, which the send expressions pass to the core.</summary>
    public string RequestCall { get; set; } = string.Empty;

    /// <summary>What the success response is read as: "json", "text", "binary" or "none".</summary>
    public string ResultKind { get; set; } = string.Empty;

    /// <summary>The codec of a JSON result (nullable where the answer may be empty); null for the other kinds.</summary>
    public string? ResultCodec { get; set; }

    /// <summary>Whether an empty success body gives <c>default</c> instead of an error (a JSON result that may be empty).</summary>
    public bool AllowEmpty { get; set; }

    /// <summary>The error map of the operation's typed errors, as the send calls take it.</summary>
    public string ErrorMap { get; set; } = string.Empty;

    /// <summary>The expression that sends the request and returns the task.</summary>
    public string Send { get; set; } = string.Empty;

    /// <summary>The method that returns the value with the response's status and headers.</summary>
    public string ResponseMethodName { get; set; } = string.Empty;

    public string ResponseReturnType { get; set; } = string.Empty;

    /// <summary>The expression that sends the request and returns the task of the <c>ApiResponse</c>.</summary>
    public string SendWithResponse { get; set; } = string.Empty;

    /// <summary>The private method that builds the request from the arguments.</summary>
    public string RequestMethodName { get; set; } = string.Empty;

    /// <summary>The method that walks every page, when the operation pages in a recognised way.</summary>
    public PagingTemplateModel? Paging { get; set; }

    /// <summary>
    /// The internal method that returns the success body as one JSON element, for a JSON result; emitted only where
    /// <see cref="EmitJson"/> is set (a sync adapter lists through it, so records go to the store without a round trip
    /// through the models).
    /// </summary>
    public string? JsonMethodName { get; set; }

    /// <summary>The expression that sends the request and returns the task of the JSON element.</summary>
    public string? SendJson { get; set; }

    /// <summary>Whether the group emits <see cref="JsonMethodName"/>.</summary>
    public bool EmitJson { get; set; }
}

/// <summary>An operation's page walker: an IAsyncEnumerable over the items of every page.</summary>
internal sealed class PagingTemplateModel
{
    public string MethodName { get; set; } = string.Empty;
    public string ItemType { get; set; } = string.Empty;

    /// <summary>The PageWalker call, with its lambdas, that the method returns.</summary>
    public string Walk { get; set; } = string.Empty;

    /// <summary>The pattern: "cursor", "last_item_id", "next_position", "offset", "page_number", "next_link" or "link_header".</summary>
    public string Kind { get; set; } = string.Empty;

    /// <summary>The method parameter the walk moves (the cursor, offset or page number); null for links.</summary>
    public string? Parameter { get; set; }

    /// <summary>The variable the expressions below read a page from.</summary>
    public string PageVariable { get; set; } = string.Empty;

    /// <summary>Code: the items of the page in <see cref="PageVariable"/>.</summary>
    public string Items { get; set; } = string.Empty;

    /// <summary>Code: the cursor, position, has-more flag or next link the page gives; null where the walk counts (offset, page number) or reads a header.</summary>
    public string? Next { get; set; }

    /// <summary>Code: true when the page says it is the last (a has-more or done flag); null when the response has none.</summary>
    public string? Stop { get; set; }
}

/// <summary>One method parameter.</summary>
internal sealed class ParameterTemplateModel
{
    public string Name { get; set; } = string.Empty;

    /// <summary>The parameter's name in the spec; null for the body.</summary>
    public string? WireName { get; set; }
    public string DocName { get; set; } = string.Empty;
    public string Type { get; set; } = string.Empty;
    public bool Optional { get; set; }
    public string? Summary { get; set; }
    public bool Deprecated { get; set; }

    /// <summary>Where the value goes: "path", "query", "header", "cookie" or "body".</summary>
    public string Location { get; set; } = string.Empty;

    /// <summary>The spec's serialisation style (form, simple, label, matrix, spaceDelimited, pipeDelimited, deepObject); null for the body.</summary>
    public string? Style { get; set; }

    public bool Explode { get; set; }

    /// <summary>The argument as a non-null value (<c>id.Value</c> for an optional value type), for use where it is known to be set.</summary>
    public string Value { get; set; } = string.Empty;

    /// <summary>An expression of the value as URI or header text (items joined by commas), for simple parameters; null for the body and objects.</summary>
    public string? Formatted { get; set; }

    /// <summary>The codec that writes the value, for JSON, form and multipart bodies and object-valued query parameters.</summary>
    public string? Codec { get; set; }

    /// <summary>How a body is sent: "json", "form", "multipart", "text", "binary" or "content" (an HttpContent of the caller's); null for parameters.</summary>
    public string? BodyKind { get; set; }

    /// <summary>The body's media type; null for parameters.</summary>
    public string? MediaType { get; set; }

    /// <summary>The statement that puts this argument on <c>request</c>, as the built-in template writes it.</summary>
    public string Statement { get; set; } = string.Empty;
}

/// <summary>The typed errors of one or more operations.</summary>
internal sealed class ErrorMapTemplateModel
{
    public string Field { get; set; } = string.Empty;
    public List<ErrorEntryTemplateModel> Entries { get; } = new();
}

/// <summary>One status pattern and the codec of its error model.</summary>
internal sealed class ErrorEntryTemplateModel
{
    public string Pattern { get; set; } = string.Empty;
    public string Codec { get; set; } = string.Empty;
}
