using System.Net.Http.Headers;
using System.Text;
using CrmSdkGen.Model;

namespace CrmSdkGen.Tests.Conformance;

/// <summary>
/// Requests that break a spec, or may, for Prism and the fake to judge alike: operations called without credentials,
/// and JSON bodies of the wrong shape (an empty object, an array), with every required parameter from its example.
/// </summary>
internal static class VerdictProbes
{
    private const int PerKind = 6;

    public static IEnumerable<HttpRequestMessage> For(ApiDescription api)
    {
        var guarded = api.Operations.Where(operation => operation.Security.Count > 0 && operation.Security.All(alternative => alternative.SchemeKeys.Count > 0));
        foreach (var operation in guarded.Take(PerKind))
        {
            yield return Request(api, operation, credentials: false, body: null);
        }

        foreach (var operation in api.Operations.Where(operation => operation.Body is { Kind: ApiContentKind.Json, Required: true }).Take(PerKind))
        {
            yield return Request(api, operation, credentials: true, body: "{}");
            yield return Request(api, operation, credentials: true, body: "[1]");
        }
    }

    private static HttpRequestMessage Request(ApiDescription api, ApiOperation operation, bool credentials, string? body)
    {
        var path = operation.Path;
        var query = new List<string>();
        var request = new HttpRequestMessage(new HttpMethod(operation.Method), "/");
        foreach (var parameter in operation.Parameters.Where(parameter => parameter.Required))
        {
            var value = Text(parameter.Example);
            switch (parameter.Location)
            {
                case ApiParameterLocation.Path:
                    path = path.Replace("{" + parameter.Name + "}", Uri.EscapeDataString(value), StringComparison.Ordinal);
                    break;
                case ApiParameterLocation.Query:
                    query.Add(Uri.EscapeDataString(parameter.Name) + "=" + Uri.EscapeDataString(value));
                    break;
                case ApiParameterLocation.Header:
                    request.Headers.TryAddWithoutValidation(parameter.Name, value);
                    break;
            }
        }

        var alternative = operation.Security.FirstOrDefault();
        foreach (var key in credentials && alternative is not null ? alternative.SchemeKeys : default)
        {
            var scheme = api.SecuritySchemes.FirstOrDefault(candidate => candidate.Key == key);
            switch (scheme?.Kind)
            {
                case ApiSecurityKind.ApiKeyHeader:
                    request.Headers.TryAddWithoutValidation(scheme.ParameterName!, "test-key");
                    break;
                case ApiSecurityKind.ApiKeyQuery:
                    query.Add(Uri.EscapeDataString(scheme.ParameterName!) + "=test-key");
                    break;
                case ApiSecurityKind.ApiKeyCookie:
                    request.Headers.TryAddWithoutValidation("Cookie", scheme.ParameterName + "=test-key");
                    break;
                case ApiSecurityKind.Basic:
                    request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("user:password")));
                    break;
                case ApiSecurityKind.Bearer:
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "test-token");
                    break;
            }
        }

        request.RequestUri = new Uri(path.TrimStart('/') + (query.Count > 0 ? "?" + string.Join("&", query) : string.Empty), UriKind.Relative);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(operation.Body!.MediaType);
        }

        return request;
    }

    // An example is JSON text; a string example goes as its text, anything else as written, and no example as "1".
    private static string Text(string? example) =>
        example is null ? "1" : example.StartsWith('"') ? System.Text.Json.JsonSerializer.Deserialize<string>(example) ?? "1" : example;
}
