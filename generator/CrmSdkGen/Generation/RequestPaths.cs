using System;
using System.Collections.Generic;
using System.Linq;
using CrmSdkGen.Model;

namespace CrmSdkGen.Generation;

/// <summary>The URL and headers of a hand-run request: path parameters filled in, required query parameters and headers.</summary>
internal static class RequestPaths
{
    /// <summary>The path with its parameters and query, after the base address.</summary>
    public static string Url(ApiOperation operation, RequestExamples examples, IEnumerable<(string Name, string Value)> authQuery)
    {
        var path = operation.Path;
        foreach (var parameter in operation.Parameters.Where(parameter => parameter.Location == ApiParameterLocation.Path))
        {
            path = path.Replace("{" + parameter.Name + "}", Uri.EscapeDataString(examples.Parameter(parameter)));
        }

        var query = Query(operation, examples).Select(pair => Uri.EscapeDataString(pair.Name) + "=" + Uri.EscapeDataString(pair.Value))
            .Concat(authQuery.Select(pair => Uri.EscapeDataString(pair.Name) + "=" + pair.Value))
            .ToList();
        return query.Count == 0 ? path : path + "?" + string.Join("&", query);
    }

    /// <summary>The required query parameters with their values.</summary>
    public static IEnumerable<(string Name, string Value)> Query(ApiOperation operation, RequestExamples examples) =>
        operation.Parameters.Where(parameter => parameter.Location == ApiParameterLocation.Query && parameter.Required && !parameter.Structured)
            .Select(parameter => (parameter.Name, examples.Parameter(parameter)));

    /// <summary>The required headers with their values.</summary>
    public static IEnumerable<(string Name, string Value)> Headers(ApiOperation operation, RequestExamples examples) =>
        operation.Parameters.Where(parameter => parameter.Location == ApiParameterLocation.Header && parameter.Required)
            .Select(parameter => (parameter.Name, examples.Parameter(parameter)));
}
