using System;
using System.Collections.Generic;
using System.Linq;
using CrmSdkGen.Kernel;
using CrmSdkGen.Read;
using Microsoft.OpenApi;

namespace CrmSdkGen.Model.Mapping;

/// <summary>Maps the operations of a document to <see cref="ApiOperation"/>s.</summary>
internal sealed partial class OperationMapper
{
    private readonly OpenApiDocument _document;
    private readonly SchemaMapper _schemas;
    private readonly DiagnosticSink _sink;
    private readonly ResourceNaming _resources;

    public OperationMapper(OpenApiDocument document, SchemaMapper schemas, DiagnosticSink sink)
    {
        _document = document;
        _schemas = schemas;
        _sink = sink;
        _resources = new ResourceNaming(document.Paths?.Keys ?? Enumerable.Empty<string>());
    }

    public List<ApiOperation> MapAll()
    {
        var operations = new List<ApiOperation>();
        foreach (var path in _document.Paths ?? new OpenApiPaths())
        {
            if (path.Value.Operations is null)
            {
                continue;
            }

            foreach (var entry in path.Value.Operations)
            {
                var pointer = "#/paths/" + SpecPointer.Escape(path.Key) + "/" + entry.Key.Method.ToLowerInvariant();
                try
                {
                    operations.Add(Map(path.Key, path.Value, entry.Key.Method.ToUpperInvariant(), entry.Value, pointer));
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    _sink.Report(DiagnosticIds.UnreadableNode, Severity.Warning, $"The operation {entry.Key.Method.ToUpperInvariant()} {path.Key} could not be read ({Unreadable.Reason(exception)}); it is left out, and the other operations are generated.", pointer);
                }
            }
        }

        return operations;
    }

    private ApiOperation Map(string path, IOpenApiPathItem pathItem, string method, OpenApiOperation operation, string pointer)
    {
        var operationId = operation.OperationId;
        if (operationId is { Length: > SpecLimits.MaxNameLength })
        {
            _sink.Report(DiagnosticIds.LimitExceeded, Severity.Warning, $"An operationId of {operationId.Length} characters is longer than {SpecLimits.MaxNameLength}; it is left out, and the method is named from the HTTP method and path.", pointer + "/operationId");
            operationId = null;
        }

        var hint = operationId ?? method + path;
        var group = operation.Tags?.FirstOrDefault()?.Name is { Length: > 0 and <= SpecLimits.MaxNameLength } tag ? tag : FirstSegment(path);
        var fixedHeaders = new List<ApiFixedHeader>();
        return new ApiOperation(
            group,
            operationId,
            method,
            path,
            operation.Summary,
            operation.Description,
            operation.Deprecated,
            MapParameters(pathItem, operation, pointer, hint, fixedHeaders).ToEquatableArray(),
            MapBody(operation.RequestBody, pointer + "/requestBody", hint),
            MapResult(operation.Responses, pointer + "/responses", hint, path, method),
            MapErrors(operation.Responses, pointer + "/responses", hint).ToEquatableArray(),
            MapSecurity(operation.Security ?? _document.Security).ToEquatableArray())
        {
            SyncHints = SyncHintsReader.Read(operation, pointer, _sink),
            FixedHeaders = fixedHeaders.ToEquatableArray(),
        };
    }

    private static string FirstSegment(string path)
    {
        var segment = path.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(part => !part.StartsWith("{", StringComparison.Ordinal));
        return segment ?? "Default";
    }

    private List<ApiParameter> MapParameters(IOpenApiPathItem pathItem, OpenApiOperation operation, string pointer, string hint, List<ApiFixedHeader> fixedHeaders)
    {
        var merged = new List<(IOpenApiParameter Parameter, string Pointer)>();
        AddParameters(merged, pathItem.Parameters, pointer.Substring(0, pointer.LastIndexOf('/')) + "/parameters");
        AddParameters(merged, operation.Parameters, pointer + "/parameters");

        AddUndeclaredPathParameters(merged, pointer);
        var result = new List<ApiParameter>();
        foreach (var (parameter, parameterPointer) in merged)
        {
            if (parameter.Name is null || parameter.In is null)
            {
                continue;
            }

            ApiParameterLocation location;
            switch (parameter.In.Value)
            {
                case ParameterLocation.Path:
                    location = ApiParameterLocation.Path;
                    break;
                case ParameterLocation.Query:
                    location = ApiParameterLocation.Query;
                    break;
                case ParameterLocation.Header when ReservedHeaders.Use(parameter, _document, operation.RequestBody is not null, out var fixedValue) is { } use:
                    if (use == ReservedHeaderUse.Fixed)
                    {
                        fixedHeaders.Add(new ApiFixedHeader(parameter.Name, fixedValue));
                    }

                    continue;
                case ParameterLocation.Header:
                    location = ApiParameterLocation.Header;
                    break;
                case ParameterLocation.Cookie:
                    location = ApiParameterLocation.Cookie;
                    break;
                default:
                    _sink.Report(DiagnosticIds.UnsupportedParameter, Severity.Warning, $"The parameter '{parameter.Name}' in '{parameter.In}' is not supported and is left out of the method.", parameterPointer);
                    continue;
            }

            var schema = parameter.Schema ?? MediaTypes.Choose(parameter.Content)?.Media.Schema;
            var type = schema is not null && SchemaFacts.Resolve(schema) is var resolved && SchemaClassifier.IsScalarUnion(resolved)
                ? new ApiType(ApiTypeKind.String, Nullable: SchemaFacts.AllowsNull(resolved))
                : _schemas.Map(schema, parameterPointer + "/schema", hint + "_" + parameter.Name);
            var structured = false;
            if (!IsFormattable(type) && location == ApiParameterLocation.Query && type.Kind != ApiTypeKind.Binary)
            {
                // Objects, maps, unions and arrays of them go in the query as deepObject brackets: filter[created][gte]=1.
                structured = true;
            }
            else if (!IsFormattable(type))
            {
                _sink.Report(
                    DiagnosticIds.UnsupportedParameter,
                    Severity.Warning,
                    $"The parameter '{parameter.Name}' has a structured type that is not serialised yet; the method takes it as an already formatted string.",
                    parameterPointer);
                type = new ApiType(ApiTypeKind.String, Nullable: type.Nullable);
            }

            result.Add(new ApiParameter(
                parameter.Name,
                location,
                type,
                location == ApiParameterLocation.Path || parameter.Required,
                parameter.Explode,
                parameter.Description,
                parameter.Deprecated)
            {
                Structured = structured,
                Style = StyleName(parameter.Style, location),
                Example = Example(parameter, schema),
                Pointer = parameterPointer,
            });
        }

        return result;
    }

    private static string? Example(IOpenApiParameter parameter, IOpenApiSchema? schema)
    {
        var resolved = schema is null ? null : SchemaFacts.Resolve(schema);
        var node = parameter.Example
            ?? parameter.Examples?.Values.Select(example => example.Value).FirstOrDefault(value => value is not null)
            ?? resolved?.Examples?.FirstOrDefault(value => value is not null)
            ?? resolved?.Enum?.FirstOrDefault(value => value is not null)
            ?? resolved?.Default
            ?? resolved?.Items?.Examples?.FirstOrDefault(value => value is not null)
            ?? SchemaFacts.Resolve(resolved?.Items ?? new OpenApiSchema()).Enum?.FirstOrDefault(value => value is not null);
        return node?.ToJsonString();
    }

    private static string StyleName(ParameterStyle? style, ApiParameterLocation location) => style switch
    {
        ParameterStyle.Label => "label",
        ParameterStyle.Matrix => "matrix",
        ParameterStyle.SpaceDelimited => "spaceDelimited",
        ParameterStyle.PipeDelimited => "pipeDelimited",
        ParameterStyle.DeepObject => "deepObject",
        ParameterStyle.Form => "form",
        ParameterStyle.Simple => "simple",
        _ => location is ApiParameterLocation.Query or ApiParameterLocation.Cookie ? "form" : "simple",
    };

    private void AddUndeclaredPathParameters(List<(IOpenApiParameter Parameter, string Pointer)> merged, string pointer)
    {
        var path = SpecPointer.Split(pointer)[1];
        foreach (System.Text.RegularExpressions.Match match in System.Text.RegularExpressions.Regex.Matches(path, @"\{([^}/]+)\}"))
        {
            var name = match.Groups[1].Value;
            if (merged.Any(entry => entry.Parameter.In == ParameterLocation.Path && entry.Parameter.Name == name))
            {
                continue;
            }

            _sink.Report(
                DiagnosticIds.SpecRuleViolation,
                Severity.Info,
                $"The path template names '{{{name}}}' but the operation declares no such path parameter; the method takes it as a required string.",
                pointer);
            merged.Add((new OpenApiParameter { Name = name, In = ParameterLocation.Path, Required = true, Schema = new OpenApiSchema { Type = JsonSchemaType.String } }, pointer));
        }
    }

    private static void AddParameters(List<(IOpenApiParameter, string)> merged, IList<IOpenApiParameter>? parameters, string pointer)
    {
        if (parameters is null)
        {
            return;
        }

        for (var i = 0; i < parameters.Count; i++)
        {
            var parameter = parameters[i];
            merged.RemoveAll(existing => existing.Item1.Name == parameter.Name && existing.Item1.In == parameter.In);
            merged.Add((parameter, pointer + "/" + i));
        }
    }

    private bool IsFormattable(ApiType type) => type.Kind switch
    {
        ApiTypeKind.String or ApiTypeKind.Integer or ApiTypeKind.Number or ApiTypeKind.Boolean => true,
        ApiTypeKind.Named => _schemas.IsEnum(type.SchemaId!),
        ApiTypeKind.Array => type.Element is { Kind: not ApiTypeKind.Array and not ApiTypeKind.Map and not ApiTypeKind.Any and not ApiTypeKind.Binary } element && IsFormattable(element),
        _ => false,
    };

    private ApiBody? MapBody(IOpenApiRequestBody? body, string pointer, string hint)
    {
        var chosen = MediaTypes.Choose(body?.Content);
        if (body is null || chosen is null)
        {
            return null;
        }

        var (mediaType, media, kind) = chosen.Value;
        var mediaPointer = pointer + "/content/" + SpecPointer.Escape(mediaType);
        if (kind == ApiContentKind.Raw)
        {
            _sink.Report(
                DiagnosticIds.UnsupportedMediaType,
                Severity.Warning,
                $"Request bodies of type '{mediaType}' are not encoded by the client yet; the method takes an HttpContent that the caller builds.",
                mediaPointer);
        }

        var type = kind is ApiContentKind.Json or ApiContentKind.Form or ApiContentKind.Multipart ? _schemas.Map(media.Schema, mediaPointer + "/schema", hint + "_Request") : null;
        var deepObjects = (media.Encoding ?? new Dictionary<string, OpenApiEncoding>())
            .Where(pair => pair.Value.Style == ParameterStyle.DeepObject)
            .Select(pair => pair.Key)
            .OrderBy(name => name, StringComparer.Ordinal)
            .ToEquatableArray();
        var example = media.Example
            ?? media.Examples?.Values.Select(value => value.Value).FirstOrDefault(value => value is not null)
            ?? (media.Schema is null ? null : SchemaFacts.Resolve(media.Schema).Examples?.FirstOrDefault(value => value is not null));
        return new ApiBody(kind, mediaType, type, body.Required, body.Description, deepObjects) { Example = example?.ToJsonString() };
    }

    private static List<SecurityAlternative> MapSecurity(IList<OpenApiSecurityRequirement>? requirements)
    {
        var alternatives = new List<SecurityAlternative>();
        foreach (var requirement in requirements ?? new List<OpenApiSecurityRequirement>())
        {
            var keys = requirement.Keys.Select(key => key.Reference?.Id).Where(id => id is not null).Select(id => id!).ToEquatableArray();
            alternatives.Add(new SecurityAlternative(keys));
        }

        return alternatives;
    }
}
