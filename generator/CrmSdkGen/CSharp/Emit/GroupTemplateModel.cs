using System.Collections.Generic;

namespace CrmSdkGen.CSharp.Emit;

/// <summary>What the Group template receives: the operations of one tag as a sub-client.</summary>
internal sealed class GroupTemplateModel
{
    public string Namespace { get; set; } = string.Empty;
    public string Name { get; set; } = string.Empty;
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

    /// <summary>Statements that put the arguments on the request.</summary>
    public List<string> Statements { get; } = new();

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
