using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using CrmSdkGen.Runtime.Json;

namespace CrmSdkGen.Runtime.Http;

/// <summary>A request that the API answered with a non-success status, or with a body that could not be read.</summary>
/// <remarks>
/// The message is safe to log: it holds the status, the method, the path template and the vendor's error code and
/// message where the body has them, never the body itself (which may carry customer data); <see cref="RawBody"/> has it.
/// </remarks>
public class ApiException : Exception
{
    private readonly ApiErrorSummary _summary;

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
        : this(statusCode, reasonPhrase, method, pathTemplate, headers, rawBody, detail, innerException, detail is null ? ApiErrorSummary.From(rawBody) : default)
    {
    }

    private ApiException(
        int statusCode,
        string? reasonPhrase,
        HttpMethod method,
        string pathTemplate,
        IReadOnlyDictionary<string, IReadOnlyList<string>> headers,
        string rawBody,
        string? detail,
        Exception? innerException,
        ApiErrorSummary summary)
        : base(FormatMessage(statusCode, reasonPhrase, method, pathTemplate, rawBody, detail, summary), innerException)
    {
        StatusCode = statusCode;
        ReasonPhrase = reasonPhrase;
        Method = method;
        PathTemplate = pathTemplate;
        Headers = headers;
        RawBody = rawBody;
        _summary = summary;
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

    /// <summary>The response body as text, exactly as received. It may carry customer data: log it only where that is allowed.</summary>
    public string RawBody { get; }

    /// <summary>The vendor's error code found in an error body (<c>code</c>, <c>errorCode</c>, HubSpot's <c>category</c>, ...), if any.</summary>
    public string? ErrorCode => _summary.Code;

    /// <summary>The vendor's error message found in an error body (<c>message</c>, Pipedrive's <c>error</c>, OAuth's <c>error_description</c>, ...), if any.</summary>
    public string? ErrorMessage => _summary.Message;

    /// <summary>Reads the body as JSON, for error bodies the spec declares no model for.</summary>
    /// <param name="body">The body's root element, valid after the exception is gone.</param>
    /// <returns>False when the body is empty or not JSON.</returns>
    public bool TryGetJsonBody(out JsonElement body)
    {
        body = default;
        if (string.IsNullOrWhiteSpace(RawBody))
        {
            return false;
        }

        try
        {
            body = JsonElements.FromUtf8(Encoding.UTF8.GetBytes(RawBody));
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Reads the body into a generated model, for error bodies the spec declares no model (or another one) for.</summary>
    /// <exception cref="JsonException">The body is not that model; the message names the JSON path that failed.</exception>
    public T ReadBodyAs<T>()
        where T : class, IJsonModel<T> => JsonModel.Parse<T>(RawBody);

    private static string FormatMessage(int statusCode, string? reasonPhrase, HttpMethod method, string pathTemplate, string rawBody, string? detail, ApiErrorSummary summary)
    {
        var message = new StringBuilder();
        if (detail is not null)
        {
            message.Append(detail).Append(' ');
        }

        message.Append("HTTP ").Append(statusCode.ToString(CultureInfo.InvariantCulture));
        if (!string.IsNullOrEmpty(reasonPhrase))
        {
            message.Append(' ').Append(reasonPhrase);
        }

        message.Append(" from ").Append(method.Method).Append(' ').Append(pathTemplate);
        if (!summary.IsEmpty)
        {
            message.Append(':');
            if (summary.Code is not null)
            {
                message.Append(" [").Append(summary.Code).Append(']');
            }

            if (summary.Message is not null)
            {
                message.Append(' ').Append(summary.Message);
            }
        }

        message.Append(rawBody.Length == 0 ? " (empty body)." : $" ({rawBody.Length.ToString(CultureInfo.InvariantCulture)} characters of body in RawBody).");
        return message.ToString();
    }
}
