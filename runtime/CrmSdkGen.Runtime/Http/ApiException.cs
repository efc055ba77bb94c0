using System;
using System.Collections.Generic;
using System.Net.Http;

namespace CrmSdkGen.Runtime.Http;

/// <summary>A request that the API answered with a non-success status, or with a body that could not be read.</summary>
public class ApiException : Exception
{
    private const int BodyExcerptLength = 512;

    /// <summary>Creates the exception.</summary>
    public ApiException(
        int statusCode,
        string? reasonPhrase,
        HttpMethod method,
        string pathTemplate,
        IReadOnlyDictionary<string, IReadOnlyList<string>> headers,
        string rawBody,
        string? detail = null,
        Exception? innerException = null)
        : base(FormatMessage(statusCode, reasonPhrase, method, pathTemplate, rawBody, detail), innerException)
    {
        StatusCode = statusCode;
        ReasonPhrase = reasonPhrase;
        Method = method;
        PathTemplate = pathTemplate;
        Headers = headers;
        RawBody = rawBody;
    }

    /// <summary>The HTTP status code.</summary>
    public int StatusCode { get; }

    /// <summary>The reason phrase the server sent, if any.</summary>
    public string? ReasonPhrase { get; }

    /// <summary>The request's method.</summary>
    public HttpMethod Method { get; }

    /// <summary>The request's path template (the real path is left out because it may carry identifiers or keys).</summary>
    public string PathTemplate { get; }

    /// <summary>The response and content headers.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers { get; }

    /// <summary>The response body as text, exactly as received.</summary>
    public string RawBody { get; }

    private static string FormatMessage(int statusCode, string? reasonPhrase, HttpMethod method, string pathTemplate, string rawBody, string? detail)
    {
        var body = rawBody.Length > BodyExcerptLength ? rawBody.Substring(0, BodyExcerptLength) + "…" : rawBody;
        var reason = string.IsNullOrEmpty(reasonPhrase) ? string.Empty : " " + reasonPhrase;
        var prefix = detail is null ? string.Empty : detail + " ";
        return $"{prefix}HTTP {statusCode}{reason} from {method} {pathTemplate}. Body: {(body.Length == 0 ? "(empty)" : body)}";
    }
}
