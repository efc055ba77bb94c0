using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Net.Http;
using System.Text.Json;
using CrmSdkGen.Runtime.Json;

namespace CrmSdkGen.Runtime.Http;

/// <summary>The error models an operation declares, by status code, range (4XX) or default; built by generated code.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ApiErrorMap
{
    private readonly List<(string Pattern, Func<ErrorContext, ApiException?> Create)> _entries = new();

    /// <summary>A map with no typed errors.</summary>
    public static ApiErrorMap None { get; } = new();

    /// <summary>Declares that responses matching <paramref name="statusPattern"/> ("404", "4XX" or "default") carry a <typeparamref name="T"/>.</summary>
    public ApiErrorMap On<T>(string statusPattern, JsonCodec<T> codec)
    {
        _entries.Add((statusPattern, context =>
        {
            try
            {
                var error = JsonModel.Parse(context.Body, codec);
                return new ApiException<T>(error, context.StatusCode, context.ReasonPhrase, context.Method, context.PathTemplate, context.Headers, context.Text);
            }
            catch (JsonException)
            {
                return null;
            }
        }));
        return this;
    }

    internal ApiException Create(int statusCode, string? reasonPhrase, HttpMethod method, string pathTemplate, IReadOnlyDictionary<string, IReadOnlyList<string>> headers, byte[] body, string text)
    {
        var context = new ErrorContext(statusCode, reasonPhrase, method, pathTemplate, headers, body, text);
        var exact = statusCode.ToString(CultureInfo.InvariantCulture);
        var range = exact.Substring(0, 1) + "XX";
        foreach (var pattern in new[] { exact, range, "default" })
        {
            foreach (var entry in _entries)
            {
                if (string.Equals(entry.Pattern, pattern, StringComparison.OrdinalIgnoreCase) && body.Length > 0 && entry.Create(context) is { } typed)
                {
                    return typed;
                }
            }
        }

        return new ApiException(statusCode, reasonPhrase, method, pathTemplate, headers, text);
    }

    private sealed record ErrorContext(
        int StatusCode,
        string? ReasonPhrase,
        HttpMethod Method,
        string PathTemplate,
        IReadOnlyDictionary<string, IReadOnlyList<string>> Headers,
        byte[] Body,
        string Text);
}
