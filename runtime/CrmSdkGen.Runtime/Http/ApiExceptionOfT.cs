using System;
using System.Collections.Generic;
using System.Net.Http;

namespace CrmSdkGen.Runtime.Http;

/// <summary>An <see cref="ApiException"/> whose body was read into the error model the spec declares for that status.</summary>
/// <typeparam name="TError">The error model.</typeparam>
public class ApiException<TError> : ApiException
{
    /// <summary>Creates the exception.</summary>
    public ApiException(
        TError error,
        int statusCode,
        string? reasonPhrase,
        HttpMethod method,
        string pathTemplate,
        IReadOnlyDictionary<string, IReadOnlyList<string>> headers,
        string rawBody,
        Exception? innerException = null)
        : base(statusCode, reasonPhrase, method, pathTemplate, headers, rawBody, null, innerException)
    {
        Error = error;
    }

    /// <summary>The typed error body.</summary>
    public TError Error { get; }
}
