using System.Collections.Generic;

namespace CrmSdkGen.Runtime.Http;

/// <summary>A successful response with its value.</summary>
/// <typeparam name="T">The value's type.</typeparam>
public sealed class ApiResponse<T> : ApiResponse
{
    /// <summary>Creates a response.</summary>
    public ApiResponse(int statusCode, IReadOnlyDictionary<string, IReadOnlyList<string>> headers, T value)
        : base(statusCode, headers)
    {
        Value = value;
    }

    /// <summary>The value read from the body.</summary>
    public T Value { get; }
}
