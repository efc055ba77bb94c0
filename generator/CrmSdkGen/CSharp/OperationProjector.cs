using System;
using System.Collections.Generic;
using System.Linq;
using CrmSdkGen.CSharp.TemplateModels;
using CrmSdkGen.Kernel;
using CrmSdkGen.Model;

namespace CrmSdkGen.CSharp;

/// <summary>Projects the operations of one group to the model of the Group template.</summary>
internal sealed class OperationProjector
{
    private const string Task = "global::System.Threading.Tasks.Task";
    private readonly TypeMapper _types;
    private readonly Func<SecurityAlternative[], string> _securityField;
    private readonly PagingProjector _paging;
    private readonly RequestPartProjector _parts;

    public OperationProjector(TypeMapper types, Func<SecurityAlternative[], string> securityField, PagingProjector paging)
    {
        _types = types;
        _parts = new RequestPartProjector(types);
        _securityField = securityField;
        _paging = paging;
    }

    public GroupTemplateModel Project(string clientNamespace, string className, string tag, IEnumerable<ApiOperation> operations)
    {
        var group = new GroupTemplateModel { Namespace = clientNamespace, Name = className, Tag = tag };
        var codecs = new CodecTable();
        var errorMaps = new Dictionary<string, ErrorMapTemplateModel>(StringComparer.Ordinal);
        var methods = new NameScope(new[] { className, "GetType", "ToString", "Equals", "GetHashCode", "PrepareRequest", "ProcessResponse", "OnSending", "OnReceived" });
        foreach (var operation in operations)
        {
            group.Operations.Add(ProjectOperation(operation, methods, codecs, errorMaps, group));
        }

        // Claimed after every public name, so that no public method is renamed for them.
        foreach (var model in group.Operations.Where(model => model.SendJson is not null))
        {
            model.JsonMethodName = methods.Claim(model.OperationName + "JsonAsync");
        }

        group.Codecs = codecs.Fields;
        return group;
    }

    public static string MethodBaseName(ApiOperation operation)
    {
        var id = operation.OperationId;
        if (!string.IsNullOrWhiteSpace(id))
        {
            // HubSpot-style ids ("get-/crm/v3/objects/contacts/{contactId}_getById") carry the method and path before the real name.
            if (id!.IndexOf('/') >= 0 || id.IndexOf('{') >= 0)
            {
                var underscore = id.LastIndexOf('_');
                var tail = underscore >= 0 ? id.Substring(underscore + 1) : string.Empty;
                if (tail.Length > 0 && tail.IndexOf('/') < 0 && tail.IndexOf('}') < 0)
                {
                    return Identifier.Pascal(tail, "Call");
                }
            }

            return Identifier.Pascal(id, "Call");
        }

        var words = new List<string> { operation.Method.ToLowerInvariant() };
        var parameters = new List<string>();
        foreach (var segment in operation.Path.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment.StartsWith("{", StringComparison.Ordinal))
            {
                parameters.Add(segment.Trim('{', '}'));
            }
            else
            {
                words.Add(segment);
            }
        }

        var name = string.Concat(words.Select(word => Identifier.Pascal(word, string.Empty)));
        if (parameters.Count > 0)
        {
            name += "By" + string.Join("And", parameters.Select(parameter => Identifier.Pascal(parameter, "Id")));
        }

        return Identifier.Pascal(name, "Call");
    }

    private OperationTemplateModel ProjectOperation(
        ApiOperation operation,
        NameScope methods,
        CodecTable codecs,
        Dictionary<string, ErrorMapTemplateModel> errorMaps,
        GroupTemplateModel group)
    {
        var model = new OperationTemplateModel
        {
            MethodName = methods.Claim(MethodBaseName(operation) + "Async"),
            Summary = operation.Summary,
            Description = operation.Description,
            ResultDescription = operation.Result.Description,
            Deprecated = operation.Deprecated,
            Method = operation.Method,
            HttpMethod = HttpMethodExpression(operation.Method),
            Path = operation.Path,
            Security = _securityField(operation.Security.ToArray()),
        };

        var names = new NameScope(new[] { "request", "cancellationToken" }, ignoreCase: false);
        var ordered = operation.Parameters.Where(parameter => parameter.Required).Select(parameter => (Parameter: parameter, Optional: false))
            .Concat(operation.Parameters.Where(parameter => !parameter.Required).Select(parameter => (Parameter: parameter, Optional: true)))
            .ToList();
        var requiredCount = ordered.Count(entry => !entry.Optional);
        var arguments = ordered.Select(entry => _parts.ProjectParameter(entry.Parameter, names.Claim(Identifier.Camel(entry.Parameter.Name)), entry.Optional, codecs)).ToList();
        if (operation.Body is { } body)
        {
            arguments.Insert(body.Required ? requiredCount : arguments.Count, _parts.ProjectBody(body, names.Claim("body"), codecs));
        }

        model.Parameters.AddRange(arguments);
        model.Statements.AddRange(arguments.Select(argument => argument.Statement));
        model.Statements.AddRange(operation.FixedHeaders.Select(header => $"request.AddHeader({CSharpEscaping.CSharpString(header.Name)}, {CSharpEscaping.CSharpString(header.Value)});"));

        var errors = ErrorMapField(operation.Errors, codecs, errorMaps, group);
        var baseName = model.MethodName.Substring(0, model.MethodName.Length - "Async".Length);
        model.OperationName = baseName;
        model.ResponseMethodName = methods.Claim(baseName + "WithResponseAsync");
        model.RequestMethodName = methods.Claim("Create" + baseName + "Request");
        var requestCall = model.RequestMethodName + "(" + string.Join(", ", model.Parameters.Select(parameter => parameter.Name)) + ")";
        var shape = Result(operation.Result, errors, codecs);
        model.RequestCall = requestCall;
        model.ErrorMap = errors;
        model.ResultKind = operation.Result.Kind switch
        {
            ApiContentKind.Json => "json",
            ApiContentKind.Text => "text",
            ApiContentKind.Binary => "binary",
            _ => "none",
        };
        model.ResultCodec = shape.Codec;
        model.AllowEmpty = operation.Result.Kind == ApiContentKind.Json && operation.Result.MayBeEmpty;
        model.ReturnType = shape.ReturnType;
        model.ResponseReturnType = shape.ResponseReturnType;
        model.Send = shape.Send + requestCall + shape.Tail;
        model.SendWithResponse = shape.SendWithResponse + requestCall + shape.Tail;
        if (operation.Result.Kind == ApiContentKind.Json)
        {
            model.SendJson = $"_core.SendForJsonAsync({requestCall}, {RuntimeTypes.JsonCodecs}Element, {errors}, allowEmpty: false, cancellationToken)";
        }
        if (operation.Paging is { } paging && shape.ValueType is not null)
        {
            model.Paging = _paging.Project(operation, paging, model, shape.ValueType.TrimEnd('?'), shape.Codec, errors, methods.Claim(baseName + "AllAsync"));
        }

        return model;
    }

    private string ErrorMapField(EquatableArray<ApiErrorResponse> errors, CodecTable codecs, Dictionary<string, ErrorMapTemplateModel> maps, GroupTemplateModel group)
    {
        if (errors.Count == 0)
        {
            return RuntimeTypes.ApiErrorMap + ".None";
        }

        var entries = errors.Select(error => new ErrorEntryTemplateModel { Pattern = error.StatusPattern, Codec = _types.Codec(error.Type, codecs) }).ToList();
        var key = string.Join("|", entries.Select(entry => entry.Pattern + "=" + entry.Codec));
        if (!maps.TryGetValue(key, out var map))
        {
            map = new ErrorMapTemplateModel { Field = "s_errors" + maps.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            map.Entries.AddRange(entries);
            maps[key] = map;
            group.ErrorMaps.Add(map);
        }

        return map.Field;
    }

    private ResultShape Result(ApiResult result, string errors, CodecTable codecs)
    {
        switch (result.Kind)
        {
            case ApiContentKind.Json:
                var type = result.Type ?? ApiType.Any;
                var nullable = (result.MayBeEmpty || type.Nullable) && type.Kind != ApiTypeKind.Any;
                var codec = _types.Codec(type, codecs);
                if (nullable)
                {
                    var wrapper = _types.IsValueType(type) ? "NullableValueCodec" : "NullableReferenceCodec";
                    codec = codecs.Field(_types.Name(type) + "?", $"new {RuntimeTypes.Json}{wrapper}<{_types.Name(type)}>({codec})");
                }

                var declared = _types.DeclaredName(type, nullable);
                var tail = $", {codec}, {errors}, allowEmpty: {(result.MayBeEmpty ? "true" : "false")}, cancellationToken)";
                return new ResultShape(declared, "_core.SendForJsonAsync(", "_core.SendForJsonWithResponseAsync(", tail, codec);
            case ApiContentKind.Text:
                return new ResultShape("string", "_core.SendForStringAsync(", "_core.SendForStringWithResponseAsync(", $", {errors}, cancellationToken)", null);
            case ApiContentKind.Binary:
                return new ResultShape("global::System.IO.Stream", "_core.SendForStreamAsync(", "_core.SendForStreamWithResponseAsync(", $", {errors}, cancellationToken)", null);
            default:
                return new ResultShape(null, "_core.SendAsync(", "_core.SendWithResponseAsync(", $", {errors}, cancellationToken)", null);
        }
    }

    /// <summary>What a call returns and the core methods that send it, with and without the response.</summary>
    /// <param name="ValueType">The C# type of the value, or null when the call returns none.</param>
    /// <param name="Codec">The codec of a JSON value, which next-link paging reads pages with.</param>
    private sealed record ResultShape(string? ValueType, string Send, string SendWithResponse, string Tail, string? Codec)
    {
        public string ReturnType => ValueType is null ? Task : $"{Task}<{ValueType}>";

        public string ResponseReturnType => ValueType is null ? $"{Task}<{RuntimeTypes.ApiResponse}>" : $"{Task}<{RuntimeTypes.ApiResponse}<{ValueType}>>";
    }

    private static string HttpMethodExpression(string method) => method switch
    {
        "GET" => "global::System.Net.Http.HttpMethod.Get",
        "POST" => "global::System.Net.Http.HttpMethod.Post",
        "PUT" => "global::System.Net.Http.HttpMethod.Put",
        "DELETE" => "global::System.Net.Http.HttpMethod.Delete",
        "PATCH" => "global::System.Net.Http.HttpMethod.Patch",
        "HEAD" => "global::System.Net.Http.HttpMethod.Head",
        "OPTIONS" => "global::System.Net.Http.HttpMethod.Options",
        _ => $"new global::System.Net.Http.HttpMethod({CSharpEscaping.CSharpString(method)})",
    };
}
