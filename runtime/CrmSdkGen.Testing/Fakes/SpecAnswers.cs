using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace CrmSdkGen.Testing.Fakes;

/// <summary>The answers an operation declares: its success with the spec's example or made-up data, and its errors.</summary>
internal static class SpecAnswers
{
    /// <summary>The first 2xx answer the operation declares (200 before 201, then 2XX, then default).</summary>
    public static FakeResponse Success(FakeOperation operation)
    {
        var (status, response) = DeclaredSuccess(operation);
        return response is null ? FakeResponse.Empty(status) : Answer(status, response);
    }

    /// <summary>The status of <see cref="Success"/>, without making up its body.</summary>
    public static int SuccessStatus(FakeOperation operation) => DeclaredSuccess(operation).Status;

    private static (int Status, IOpenApiResponse? Response) DeclaredSuccess(FakeOperation operation)
    {
        var responses = operation.Operation.Responses ?? new OpenApiResponses();
        var chosen = responses
            .Where(pair => pair.Key.StartsWith("2", System.StringComparison.Ordinal))
            .OrderBy(pair => pair.Key, System.StringComparer.Ordinal)
            .Select(pair => (Status: int.TryParse(pair.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? code : 200, Response: pair.Value))
            .FirstOrDefault();
        if (chosen.Response is not null)
        {
            return (chosen.Status, chosen.Response);
        }

        return (200, responses.TryGetValue("default", out var fallback) ? fallback : null);
    }

    /// <summary>The declared answer of <paramref name="status"/> (or of its class, or default), with a made-up body.</summary>
    public static FakeResponse Error(FakeOperation operation, int status, string message)
    {
        var responses = operation.Operation.Responses ?? new OpenApiResponses();
        var key = status.ToString(CultureInfo.InvariantCulture);
        if (responses.TryGetValue(key, out var declared) || responses.TryGetValue(key[0] + "XX", out declared) || responses.TryGetValue("default", out declared))
        {
            var answer = Answer(status, declared);
            if (answer.Body is JsonObject body)
            {
                foreach (var name in new[] { "message", "error", "detail", "title" })
                {
                    if (body[name] is JsonValue value && value.TryGetValue<string>(out _))
                    {
                        body[name] = message;
                        break;
                    }
                }
            }

            return answer;
        }

        return FakeResponse.Json(status, new JsonObject { ["message"] = message });
    }

    /// <summary>The JSON schema of the operation's first 2xx answer, if it has one.</summary>
    public static IOpenApiSchema? SuccessSchema(FakeOperation operation) =>
        (operation.Operation.Responses ?? new OpenApiResponses())
            .Where(pair => pair.Key.StartsWith("2", System.StringComparison.Ordinal))
            .OrderBy(pair => pair.Key, System.StringComparer.Ordinal)
            .Select(pair => Json(pair.Value)?.Schema)
            .FirstOrDefault(schema => schema is not null);

    /// <summary>The request body's JSON schema, if it has one.</summary>
    public static IOpenApiSchema? BodySchema(FakeOperation operation) =>
        operation.Operation.RequestBody?.Content?.FirstOrDefault(pair => RequestValidator.IsJson(pair.Key)).Value?.Schema;

    private static FakeResponse Answer(int status, IOpenApiResponse response)
    {
        if (Json(response) is { } media)
        {
            var example = media.Example
                ?? media.Examples?.Values.Select(value => value.Value).FirstOrDefault(value => value is not null)
                ?? (media.Schema is { } schema ? SampleData.For(schema) : null);
            return FakeResponse.Json(status, example?.DeepClone());
        }

        if (response.Content?.FirstOrDefault() is { Key: { } mediaType } other && mediaType.StartsWith("text/", System.StringComparison.OrdinalIgnoreCase))
        {
            return FakeResponse.PlainText(status, other.Value.Example?.ToString() ?? "text");
        }

        return FakeResponse.Empty(status);
    }

    private static IOpenApiMediaType? Json(IOpenApiResponse response) =>
        response.Content?.FirstOrDefault(pair => RequestValidator.IsJson(pair.Key)).Value;
}
