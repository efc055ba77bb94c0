using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CrmSdkGen.Runtime.Auth;
using CrmSdkGen.Runtime.Json;

namespace CrmSdkGen.Runtime.Http;

/// <summary>One request being built by a generated operation: method, templated path, parameters and body.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ApiRequest
{
    // Created on first use: most requests have a path value or two and nothing else.
    private List<KeyValuePair<string, string>>? _pathValues;
    private List<KeyValuePair<string, string>>? _query;
    private List<KeyValuePair<string, string>>? _headers;
    private List<KeyValuePair<string, string>>? _cookies;
    private static readonly List<KeyValuePair<string, string>> NoPairs = new(0);
    private bool _replayable = true;

    /// <summary>Starts a request.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="pathTemplate">The path as the spec writes it, with <c>{name}</c> placeholders.</param>
    /// <param name="security">The alternative sets of security schemes the operation accepts; the first fully configured set is used.</param>
    public ApiRequest(HttpMethod method, string pathTemplate, SecurityScheme[][]? security = null)
    {
        Method = method;
        PathTemplate = pathTemplate;
        Security = security ?? Array.Empty<SecurityScheme[]>();
    }

    /// <summary>The HTTP method.</summary>
    public HttpMethod Method { get; }

    /// <summary>The path template, which is what logs and exceptions show instead of the real values.</summary>
    public string PathTemplate { get; }

    /// <summary>The security alternatives of the operation.</summary>
    public SecurityScheme[][] Security { get; }

    /// <summary>The request body, if any.</summary>
    public HttpContent? Content { get; set; }

    /// <summary>The model the body was written from, which the client validates before sending.</summary>
    internal object? BodyValue { get; private set; }

    internal IApiCallObserver? Observer { get; private set; }

    internal string Operation { get; private set; } = string.Empty;

    /// <summary>Lets <paramref name="observer"/> see each attempt and response of this request, named <paramref name="operation"/>.</summary>
    public void Observe(IApiCallObserver observer, string operation)
    {
        Observer = observer ?? throw new ArgumentNullException(nameof(observer));
        Operation = operation ?? throw new ArgumentNullException(nameof(operation));
    }

    /// <summary>A link the server sent (next page), used instead of the path template and query.</summary>
    internal string? Link { get; init; }

    /// <summary>Whether the body can be sent again on a retry: false once a stream that cannot seek back is part of it.</summary>
    internal bool IsReplayable => _replayable;

    /// <summary>Sets the value of a path placeholder; the value is encoded so that it stays within its segment.</summary>
    public void SetPathParameter(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(value, name);
        SetPathValue(name, UriEncoding.EncodePathSegment(value));
    }

    /// <summary>Sets a path placeholder to a value already encoded by <see cref="ParameterStyles"/> (label and matrix styles).</summary>
    public void SetPathParameterEncoded(string name, string encodedValue)
    {
        ArgumentNullException.ThrowIfNull(encodedValue, name);
        SetPathValue(name, encodedValue);
    }

    /// <summary>Adds a query parameter; a null value adds nothing.</summary>
    public void AddQueryParameter(string name, string? value)
    {
        if (value is not null)
        {
            (_query ??= new()).Add(new(name, value));
        }
    }

    /// <summary>Adds an array query parameter, repeated per item when <paramref name="explode"/>, else joined by <paramref name="separator"/>.</summary>
    public void AddQueryParameter(string name, IEnumerable<string>? values, bool explode = true, string separator = ",")
    {
        if (values is null)
        {
            return;
        }

        if (explode)
        {
            foreach (var value in values)
            {
                (_query ??= new()).Add(new(name, value));
            }
        }
        else
        {
            (_query ??= new()).Add(new(name, string.Join(separator, values)));
        }
    }

    /// <summary>
    /// Adds a structured query parameter (object, map, union): as deepObject brackets (<c>name[key]=value</c>), or with
    /// <paramref name="formExplode"/> as the form style's exploded object, whose properties are parameters of their own.
    /// </summary>
    public void AddQueryObject<T>(string name, T value, JsonCodec<T> codec, bool formExplode = false)
    {
        if (value is null || value is JsonElement { ValueKind: JsonValueKind.Undefined })
        {
            return;
        }

        using var document = JsonDocument.Parse(JsonModel.ToUtf8(value, codec));
        if (formExplode && document.RootElement.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in document.RootElement.EnumerateObject())
            {
                (_query ??= new()).AddRange(FormEncoding.FlattenValue(property.Name, property.Value));
            }
        }
        else
        {
            (_query ??= new()).AddRange(FormEncoding.FlattenValue(name, document.RootElement));
        }
    }

    /// <summary>Adds a header; a null value adds nothing.</summary>
    public void AddHeader(string name, string? value)
    {
        if (value is not null)
        {
            (_headers ??= new()).Add(new(name, value));
        }
    }

    /// <summary>Adds a cookie; a null value adds nothing.</summary>
    public void AddCookie(string name, string? value)
    {
        if (value is not null)
        {
            (_cookies ??= new()).Add(new(name, value));
        }
    }

    /// <summary>Sets a JSON body written by <paramref name="codec"/>; for PATCH, a generated model edited since it was read writes only the edited properties.</summary>
    public void SetJsonBody<T>(T body, JsonCodec<T> codec, string mediaType = "application/json")
    {
        BodyValue = body;
        // A PATCH of a model that was read and then edited sends only the edits.
        var content = new JsonBodyContent<T>(body, codec, changesOnly: Method == HttpMethod.Patch);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType) { CharSet = "utf-8" };
        Content = content;
    }

    /// <summary>Sets an application/x-www-form-urlencoded body from what <paramref name="codec"/> writes for <paramref name="body"/>.</summary>
    /// <param name="body">The body model.</param>
    /// <param name="codec">Writes the model as JSON, which is then flattened into form pairs.</param>
    /// <param name="deepObjectProperties">Top-level properties the spec encodes with style deepObject.</param>
    public void SetFormBody<T>(T body, JsonCodec<T> codec, IReadOnlyCollection<string>? deepObjectProperties = null)
    {
        BodyValue = body;
        using var document = JsonDocument.Parse(JsonWriting.ToRequestUtf8(body, codec));
        Content = new FormUrlEncodedContent(FormEncoding.Flatten(document.RootElement, deepObjectProperties));
    }

    /// <summary>
    /// Sets a multipart/form-data body: one part per property of <paramref name="body"/>; files (binary properties) as file
    /// parts, strings, numbers and booleans as text parts, objects and arrays of non-files as JSON parts.
    /// </summary>
    public void SetMultipartBody<T>(T body, JsonCodec<T> codec)
    {
        BodyValue = body;
        var content = MultipartBody.Create(body, codec, out var replayable);
        _replayable &= replayable;
        Content = content;
    }

    /// <summary>Sets a body streamed from <paramref name="body"/>; a wildcard media type is sent as application/octet-stream.</summary>
    public void SetStreamBody(Stream body, string mediaType = "application/octet-stream")
    {
        ArgumentNullException.ThrowIfNull(body);
        _replayable &= body.CanSeek;
        var content = new StreamContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType.Contains('*', StringComparison.Ordinal) ? "application/octet-stream" : mediaType);
        Content = content;
    }

    /// <summary>Sets a text body.</summary>
    public void SetTextBody(string body, string mediaType = "text/plain")
    {
        ArgumentNullException.ThrowIfNull(body);
        Content = new StringContent(body, Encoding.UTF8, mediaType.Contains('*', StringComparison.Ordinal) ? "text/plain" : mediaType);
    }

    /// <summary>Builds the path and query, relative to the base address.</summary>
    public string BuildPathAndQuery()
    {
        var builder = new StringBuilder(PathTemplate.Length + 32);
        var template = PathTemplate.AsSpan();
        while (!template.IsEmpty)
        {
            var open = template.IndexOf('{');
            if (open < 0)
            {
                builder.Append(template);
                break;
            }

            var close = template.Slice(open).IndexOf('}');
            if (close < 0)
            {
                builder.Append(template);
                break;
            }

            builder.Append(template.Slice(0, open));
            var name = template.Slice(open + 1, close - 1).ToString();
            if (PathValue(name) is not { } value)
            {
                throw new InvalidOperationException($"The path parameter '{name}' of {PathTemplate} has no value.");
            }

            builder.Append(value);
            template = template.Slice(open + close + 1);
        }

        for (var i = 0; _query is not null && i < _query.Count; i++)
        {
            builder.Append(i == 0 ? '?' : '&')
                .Append(UriEncoding.EncodeQueryComponent(_query[i].Key))
                .Append('=')
                .Append(UriEncoding.EncodeQueryComponent(_query[i].Value));
        }

        return builder.ToString();
    }

    private void SetPathValue(string name, string value)
    {
        _pathValues ??= new List<KeyValuePair<string, string>>(2);
        _pathValues.RemoveAll(pair => pair.Key == name);
        _pathValues.Add(new(name, value));
    }

    private string? PathValue(string name)
    {
        foreach (var pair in _pathValues ?? NoPairs)
        {
            if (pair.Key == name)
            {
                return pair.Value;
            }
        }

        return null;
    }

    /// <summary>Whether a header with this name was added.</summary>
    internal bool HasHeader(string name)
    {
        foreach (var header in _headers ?? NoPairs)
        {
            if (string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    internal void ApplyHeaders(HttpRequestMessage message)
    {
        foreach (var header in _headers ?? NoPairs)
        {
            if (!message.Headers.TryAddWithoutValidation(header.Key, header.Value))
            {
                // A content header (Content-Type declared as a parameter) needs content to travel on, even an empty one.
                message.Content ??= new ByteArrayContent(Array.Empty<byte>());
                message.Content.Headers.Remove(header.Key);
                message.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        if (_cookies is { Count: > 0 })
        {
            var cookie = new StringBuilder();
            foreach (var pair in _cookies)
            {
                if (cookie.Length > 0)
                {
                    cookie.Append("; ");
                }

                cookie.Append(pair.Key).Append('=').Append(UriEncoding.EncodeQueryComponent(pair.Value));
            }

            message.Headers.TryAddWithoutValidation("Cookie", cookie.ToString());
        }
    }
}
