using System.Collections.Generic;

namespace CrmSdkGen.Runtime.Http;

/// <summary>The status and headers of a successful response, for callers who need more than its value (rate-limit counters, ETags).</summary>
public class ApiResponse
{
    /// <summary>Creates a response.</summary>
    public ApiResponse(int statusCode, IReadOnlyDictionary<string, IReadOnlyList<string>> headers)
    {
        StatusCode = statusCode;
        Headers = headers;
    }

    /// <summary>The HTTP status code.</summary>
    public int StatusCode { get; }

    /// <summary>The response and content headers, by case-insensitive name.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers { get; }

    /// <summary>The first value of a header, or null when the response has none.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;
}
