using System;
using System.Collections.Generic;
using System.Linq;
using CrmSdkGen.CSharp.TemplateModels;
using CrmSdkGen.Kernel;
using CrmSdkGen.Model;

namespace CrmSdkGen.CSharp;

/// <summary>
/// The request parts of one operation: the statement that puts each parameter or the body on the request, and the
/// structured description of each (location, style, value, codec) that templates can build their own statements from.
/// </summary>
internal sealed class RequestPartProjector
{
    private readonly TypeMapper _types;

    public RequestPartProjector(TypeMapper types) => _types = types;

    /// <summary>A parameter of the method: its declaration, its parts and the statement that puts it on the request.</summary>
    public ParameterTemplateModel ProjectParameter(ApiParameter parameter, string name, bool optional, CodecTable codecs)
    {
        var type = ParameterType(parameter.Type);
        var value = optional && _types.IsValueType(type) && type.Kind != ApiTypeKind.Any ? name + ".Value" : name;
        return new ParameterTemplateModel
        {
            Name = name,
            WireName = parameter.Name,
            DocName = name.TrimStart('@'),
            Type = _types.DeclaredName(type, optional),
            Optional = optional,
            Summary = parameter.Description ?? $"The '{parameter.Name}' {parameter.Location.ToString().ToLowerInvariant()} parameter.",
            Deprecated = parameter.Deprecated,
            Location = parameter.Location.ToString().ToLowerInvariant(),
            Style = parameter.Style,
            Explode = parameter.Explode,
            Value = value,
            Formatted = parameter.Structured ? null : Formatted(type, value),
            Codec = parameter.Structured ? _types.Codec(type with { Nullable = false }, codecs) : null,
            Statement = parameter.Structured ? ApplyStructuredQuery(parameter, type, name, optional, codecs) : ApplyParameter(parameter, type, name, optional),
        };
    }

    private static ApiType ParameterType(ApiType type) =>
        type.Kind == ApiTypeKind.Array && type.Element is { Nullable: true } element ? type with { Element = element with { Nullable = false } } : type;

    private string ApplyParameter(ApiParameter parameter, ApiType type, string name, bool optional)
    {
        var literal = CSharpEscaping.CSharpString(parameter.Name);
        var value = optional && _types.IsValueType(type) ? name + ".Value" : name;
        var explode = parameter.Explode ? "true" : "false";
        var values = type.Kind == ApiTypeKind.Array
            ? $"global::System.Linq.Enumerable.Select({value}, static item => {_types.FormatValue(type.Element!, "item")})"
            : $"new[] {{ {_types.FormatValue(type, value)} }}";
        var single = type.Kind == ApiTypeKind.Array ? $"string.Join(\",\", {values})" : _types.FormatValue(type, value);
        var call = (parameter.Location, parameter.Style) switch
        {
            (ApiParameterLocation.Path, "label") =>
                $"request.SetPathParameterEncoded({literal}, {RuntimeTypes.ParameterStyles}Label({values}, explode: {explode}));",
            (ApiParameterLocation.Path, "matrix") =>
                $"request.SetPathParameterEncoded({literal}, {RuntimeTypes.ParameterStyles}Matrix({literal}, {values}, explode: {explode}));",
            (ApiParameterLocation.Path, _) => $"request.SetPathParameter({literal}, {single});",
            (ApiParameterLocation.Query, "spaceDelimited" or "pipeDelimited") when type.Kind == ApiTypeKind.Array =>
                $"request.AddQueryParameter({literal}, {values}, explode: {explode}, separator: {(parameter.Style == "spaceDelimited" ? "\" \"" : "\"|\"")});",
            (ApiParameterLocation.Query, _) when type.Kind == ApiTypeKind.Array => $"request.AddQueryParameter({literal}, {values}, explode: {explode});",
            (ApiParameterLocation.Query, _) => $"request.AddQueryParameter({literal}, {single});",
            (ApiParameterLocation.Header, _) => $"request.AddHeader({literal}, {single});",
            _ => $"request.AddCookie({literal}, {single});",
        };
        return optional ? $"if ({name} is not null) {call}" : call;
    }

    private string Formatted(ApiType type, string value) =>
        type.Kind == ApiTypeKind.Array
            ? $"string.Join(\",\", global::System.Linq.Enumerable.Select({value}, static item => {_types.FormatValue(type.Element!, "item")}))"
            : _types.FormatValue(type, value);

    private string ApplyStructuredQuery(ApiParameter parameter, ApiType type, string name, bool optional, CodecTable codecs)
    {
        var value = optional && _types.IsValueType(type) && type.Kind != ApiTypeKind.Any ? name + ".Value" : name;
        var formExplode = parameter.Style == "form" && parameter.Explode ? ", formExplode: true" : string.Empty;
        var call = $"request.AddQueryObject({CSharpEscaping.CSharpString(parameter.Name)}, {value}, {_types.Codec(type with { Nullable = false }, codecs)}{formExplode});";
        return optional && type.Kind != ApiTypeKind.Any ? $"if ({name} is not null) {call}" : call;
    }

    public ParameterTemplateModel ProjectBody(ApiBody body, string name, CodecTable codecs)
    {
        var optional = !body.Required;
        var media = CSharpEscaping.CSharpString(body.MediaType);
        var value = name;
        string? codec = null;
        string type;
        string statement;
        switch (body.Kind)
        {
            case ApiContentKind.Json:
            case ApiContentKind.Form:
            case ApiContentKind.Multipart:
                var bodyType = body.Type ?? ApiType.Any;
                type = _types.DeclaredName(bodyType, optional || bodyType.Nullable);
                value = (optional || bodyType.Nullable) && _types.IsValueType(bodyType) && bodyType.Kind != ApiTypeKind.Any ? name + ".Value" : name;
                codec = _types.Codec(bodyType, codecs);
                statement = body.Kind switch
                {
                    ApiContentKind.Json => $"request.SetJsonBody({value}, {codec}, {media});",
                    ApiContentKind.Form => $"request.SetFormBody({value}, {codec}{DeepObjectArgument(body)});",
                    _ => $"request.SetMultipartBody({value}, {codec});",
                };
                if ((optional || bodyType.Nullable) && bodyType.Kind != ApiTypeKind.Any)
                {
                    statement = $"if ({name} is not null) {statement}";
                }

                break;
            case ApiContentKind.Text:
                type = optional ? "string?" : "string";
                statement = $"request.SetTextBody({name}, {media});";
                break;
            case ApiContentKind.Binary:
                type = "global::System.IO.Stream" + (optional ? "?" : string.Empty);
                statement = $"request.SetStreamBody({name}, {media});";
                break;
            default:
                type = "global::System.Net.Http.HttpContent" + (optional ? "?" : string.Empty);
                statement = $"request.Content = {name};";
                break;
        }

        if (optional && body.Kind is ApiContentKind.Text or ApiContentKind.Binary)
        {
            statement = $"if ({name} is not null) {statement}";
        }

        return new ParameterTemplateModel
        {
            Name = name,
            DocName = name,
            Type = type,
            Optional = optional,
            Summary = body.Description ?? "The request body.",
            Location = "body",
            Value = value,
            Codec = codec,
            BodyKind = body.Kind switch
            {
                ApiContentKind.Json => "json",
                ApiContentKind.Form => "form",
                ApiContentKind.Multipart => "multipart",
                ApiContentKind.Text => "text",
                ApiContentKind.Binary => "binary",
                _ => "content",
            },
            MediaType = body.MediaType,
            Statement = statement,
        };
    }

    private static string DeepObjectArgument(ApiBody body) =>
        body.DeepObjectProperties.Count == 0
            ? string.Empty
            : ", new string[] { " + string.Join(", ", body.DeepObjectProperties.Select(CSharpEscaping.CSharpString)) + " }";
}
