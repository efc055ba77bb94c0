using System;
using System.Collections.Generic;
using System.Linq;
using CrmSdkGen.Kernel;
using CrmSdkGen.Read;
using Microsoft.OpenApi;

namespace CrmSdkGen.Model.Mapping;

/// <summary>The responses of an operation: the widest success as its result, and the declared errors.</summary>
internal sealed partial class OperationMapper
{
    private ApiResult MapResult(OpenApiResponses? responses, string pointer, string hint, string path, string method) =>
        MapResultBody(responses, pointer, hint, path, method) with
        {
            SuccessStatuses = (responses ?? new OpenApiResponses()).Keys.Where(IsSuccess).OrderBy(status => status, StringComparer.Ordinal).ToEquatableArray(),
        };

    private ApiResult MapResultBody(OpenApiResponses? responses, string pointer, string hint, string path, string method)
    {
        if (responses is null || responses.Count == 0)
        {
            return ApiResult.None;
        }

        var successes = responses.Where(pair => IsSuccess(pair.Key)).OrderBy(pair => pair.Key, StringComparer.Ordinal).ToList();
        if (successes.Count == 0 && responses.TryGetValue("default", out var fallback))
        {
            successes.Add(new KeyValuePair<string, IOpenApiResponse>("default", fallback));
        }

        // 204 and 205 never carry a body, whatever the spec declares for them.
        successes = successes.Select(pair => pair.Key is "204" or "205" ? new KeyValuePair<string, IOpenApiResponse>(pair.Key, new OpenApiResponse { Description = pair.Value.Description }) : pair).ToList();
        var withContent = WidestSuccess(successes);
        if (withContent.Value is null)
        {
            return ApiResult.None;
        }

        var (mediaType, media, kind) = MediaTypes.Choose(withContent.Value.Content)!.Value;

        // A media type without a schema (what Swagger 2.0 responses without one become) promises no particular body.
        var mayBeEmpty = successes.Any(pair => MediaTypes.Choose(pair.Value.Content) is null) || media.Schema is null;
        if (kind is ApiContentKind.Raw or ApiContentKind.Form or ApiContentKind.Multipart)
        {
            kind = ApiContentKind.Text;
        }

        if (kind == ApiContentKind.Json)
        {
            foreach (var (schema, suggestion) in _resources.Suggest(path, method, media.Schema))
            {
                _schemas.Suggest(schema, suggestion);
            }
        }

        var schemaPointer = pointer + "/" + SpecPointer.Escape(withContent.Key) + "/content/" + SpecPointer.Escape(mediaType) + "/schema";
        var type = kind == ApiContentKind.Json ? _schemas.Map(media.Schema, schemaPointer, hint + "_Response") : null;
        var linkHeader = withContent.Value.Headers?.Keys.Any(name => string.Equals(name, "Link", StringComparison.OrdinalIgnoreCase)) == true;
        return new ApiResult(kind, type, mayBeEmpty, withContent.Value.Description) { LinkHeader = linkHeader, Pointer = schemaPointer };
    }

    // Where success statuses declare different bodies (HubSpot's batch endpoints: 200 with the results, 207 with the
    // results and the errors), the one that declares every property of the others reads them all; else the first.
    private static KeyValuePair<string, IOpenApiResponse> WidestSuccess(List<KeyValuePair<string, IOpenApiResponse>> successes)
    {
        var withContent = successes.Where(pair => MediaTypes.Choose(pair.Value.Content) is not null).ToList();
        if (withContent.Count < 2)
        {
            return withContent.FirstOrDefault();
        }

        HashSet<string>? Properties(KeyValuePair<string, IOpenApiResponse> pair) =>
            MediaTypes.Choose(pair.Value.Content)!.Value.Media.Schema is { } schema && SchemaFacts.Resolve(schema).Properties is { Count: > 0 } properties
                ? new HashSet<string>(properties.Keys, StringComparer.Ordinal)
                : null;
        var declared = withContent.Select(Properties).ToList();
        if (declared.Any(properties => properties is null))
        {
            return withContent[0];
        }

        for (var i = 0; i < withContent.Count; i++)
        {
            if (declared.All(other => declared[i]!.IsSupersetOf(other!)) && declared.Any(other => declared[i]!.Count > other!.Count))
            {
                return withContent[i];
            }
        }

        return withContent[0];
    }

    private List<ApiErrorResponse> MapErrors(OpenApiResponses? responses, string pointer, string hint)
    {
        var errors = new List<ApiErrorResponse>();
        if (responses is null)
        {
            return errors;
        }

        var hasSuccess = responses.Keys.Any(IsSuccess);
        foreach (var pair in responses)
        {
            var isError = pair.Key.StartsWith("4", StringComparison.Ordinal) || pair.Key.StartsWith("5", StringComparison.Ordinal)
                || (pair.Key == "default" && hasSuccess);
            if (!isError || MediaTypes.Choose(pair.Value.Content) is not { Kind: ApiContentKind.Json } chosen)
            {
                continue;
            }

            var type = _schemas.Map(chosen.Media.Schema, pointer + "/" + SpecPointer.Escape(pair.Key) + "/content/" + SpecPointer.Escape(chosen.MediaType) + "/schema", hint + "_Error" + pair.Key);
            errors.Add(new ApiErrorResponse(pair.Key.ToUpperInvariant() == "DEFAULT" ? "default" : pair.Key.ToUpperInvariant(), type));
        }

        return errors;
    }

    private static bool IsSuccess(string status) => status.StartsWith("2", StringComparison.Ordinal);
}
