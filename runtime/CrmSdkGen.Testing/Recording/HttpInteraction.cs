using System.Collections.Generic;

namespace CrmSdkGen.Testing.Recording;

/// <summary>One request and its answer as a recording keeps them, redacted.</summary>
/// <param name="Method">The request's method.</param>
/// <param name="Uri">The request's path and query (after the host), query values redacted by rule.</param>
/// <param name="RequestHeaders">The request's headers, values redacted by rule.</param>
/// <param name="RequestBody">The request's body as text, JSON properties redacted by rule; null without a body.</param>
/// <param name="Status">The answer's status.</param>
/// <param name="ResponseHeaders">The answer's headers (content headers included), values redacted by rule.</param>
/// <param name="ResponseBody">The answer's body as text, JSON properties redacted by rule.</param>
public sealed record HttpInteraction(
    string Method,
    string Uri,
    IReadOnlyDictionary<string, string> RequestHeaders,
    string? RequestBody,
    int Status,
    IReadOnlyDictionary<string, string> ResponseHeaders,
    string ResponseBody);
