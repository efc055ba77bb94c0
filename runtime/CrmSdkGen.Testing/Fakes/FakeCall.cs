using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json.Nodes;

namespace CrmSdkGen.Testing.Fakes;

/// <summary>One request the fake received and how it answered, for assertions.</summary>
/// <param name="OperationId">The operation it matched; null when no path or method of the spec matched.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path and query as sent.</param>
/// <param name="Status">The status the fake answered with.</param>
/// <param name="Violations">How the request broke the spec; empty when it conformed.</param>
/// <param name="Body">The JSON body sent, if any.</param>
public sealed record FakeCall(string? OperationId, HttpMethod Method, string Path, int Status, IReadOnlyList<string> Violations, JsonNode? Body);
