using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json.Nodes;

namespace CrmSdkGen.Testing.Fakes;

/// <summary>A request the fake matched to an operation of its spec, as an override sees it.</summary>
public sealed class FakeRequest
{
    internal FakeRequest(string operationId, HttpMethod method, string pathTemplate, string path, IReadOnlyDictionary<string, string> pathValues, IReadOnlyDictionary<string, IReadOnlyList<string>> query, JsonNode? body)
    {
        OperationId = operationId;
        Method = method;
        PathTemplate = pathTemplate;
        Path = path;
        PathValues = pathValues;
        Query = query;
        Body = body;
    }

    /// <summary>The operation's id in the spec (or <c>METHOD /path</c> when the spec gives it none).</summary>
    public string OperationId { get; }

    /// <summary>The HTTP method.</summary>
    public HttpMethod Method { get; }

    /// <summary>The spec's path template the request matched, such as <c>/contacts/{contactId}</c>.</summary>
    public string PathTemplate { get; }

    /// <summary>The request's path below the spec's server URL, unescaped.</summary>
    public string Path { get; }

    /// <summary>The values of the path template's parameters.</summary>
    public IReadOnlyDictionary<string, string> PathValues { get; }

    /// <summary>The query parameters, each with every value it was sent with.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Query { get; }

    /// <summary>The JSON body, when the request carried one.</summary>
    public JsonNode? Body { get; }
}
