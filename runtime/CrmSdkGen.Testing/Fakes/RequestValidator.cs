using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace CrmSdkGen.Testing.Fakes;

/// <summary>Holds a request to its operation: credentials of a scheme it accepts, its parameters, and its body.</summary>
internal static class RequestValidator
{
    /// <summary>The status a violation earns (401, 415 or 422, as Prism answers), or null when the request conforms.</summary>
    public static int? Validate(FakeOperation operation, HttpRequestMessage request, IReadOnlyDictionary<string, string> pathValues, IReadOnlyDictionary<string, IReadOnlyList<string>> query, byte[] body, out JsonNode? json, List<string> violations)
    {
        json = null;
        if (!Authenticated(operation, request, query))
        {
            violations.Add("security: no credential of a scheme the operation accepts (" + string.Join(" or ", operation.Security.Select(Describe)) + ")");
            return 401;
        }

        foreach (var parameter in operation.Parameters)
        {
            CheckParameter(parameter, request, pathValues, query, violations);
        }

        var declared = operation.Operation.RequestBody;
        var contentType = request.Content?.Headers.ContentType?.MediaType;
        if (body.Length == 0)
        {
            if (declared?.Required == true)
            {
                violations.Add("body: the request body is required");
            }

            return violations.Count > 0 ? 422 : null;
        }

        if (declared?.Content is not { Count: > 0 } content)
        {
            return violations.Count > 0 ? 422 : null;
        }

        var media = content.FirstOrDefault(pair => MediaTypeMatches(pair.Key, contentType));
        if (media.Value is null)
        {
            violations.Add($"body: the content type '{contentType}' is not one of {string.Join(", ", content.Keys)}");
            return 415;
        }

        json = ReadBody(media.Key, media.Value, body, violations);
        if (json is not null && media.Value.Schema is { } schema)
        {
            SchemaValidator.Validate(json, schema, "body", violations);
        }

        return violations.Count > 0 ? 422 : null;
    }

    private static JsonNode? ReadBody(string mediaType, IOpenApiMediaType media, byte[] body, List<string> violations)
    {
        if (IsJson(mediaType))
        {
            try
            {
                return JsonNode.Parse(body);
            }
            catch (JsonException exception)
            {
                violations.Add("body: not JSON: " + exception.Message);
                return null;
            }
        }

        if (mediaType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            var fields = QueryString.Parse(Encoding.UTF8.GetString(body));
            var form = new JsonObject();
            var properties = media.Schema?.Properties ?? new Dictionary<string, IOpenApiSchema>();
            foreach (var (name, values) in fields)
            {
                form[name] = properties.TryGetValue(name, out var property) ? Coerce(values, property, "body/" + name, violations) : JsonValue.Create(values[0]);
            }

            return form;
        }

        return null;
    }

    private static void CheckParameter(IOpenApiParameter parameter, HttpRequestMessage request, IReadOnlyDictionary<string, string> pathValues, IReadOnlyDictionary<string, IReadOnlyList<string>> query, List<string> violations)
    {
        var name = parameter.Name ?? string.Empty;
        IReadOnlyList<string>? values = parameter.In switch
        {
            ParameterLocation.Path => pathValues.TryGetValue(name, out var segment) ? new[] { segment } : null,
            ParameterLocation.Query => query.TryGetValue(name, out var sent) ? sent : null,
            ParameterLocation.Header => request.Headers.TryGetValues(name, out var header) || request.Content?.Headers.TryGetValues(name, out header) == true ? header!.ToList() : null,
            ParameterLocation.Cookie => Cookie(request, name) is { } cookie ? new[] { cookie } : null,
            _ => null,
        };
        var schema = parameter.Schema;
        var where = $"{parameter.In.ToString()!.ToLowerInvariant()}/{name}";
        if (values is null)
        {
            // An exploded object sends its properties, not its name; one with no property set sends nothing at all.
            var exploded = parameter.In == ParameterLocation.Query && schema?.Type is { } type && type.HasFlag(JsonSchemaType.Object)
                && (parameter.Style is null or ParameterStyle.Form && parameter.Explode || query.Keys.Any(key => key.StartsWith(name + "[", StringComparison.Ordinal)));
            if (parameter.Required && !exploded)
            {
                violations.Add($"{where}: the required parameter is missing");
            }

            return;
        }

        if (schema is null || schema.Type is { } kind && kind.HasFlag(JsonSchemaType.Object))
        {
            return;
        }

        var value = Coerce(Split(values, parameter, schema), schema, where, violations);
        if (value is not null || !violations.Any(violation => violation.StartsWith(where, StringComparison.Ordinal)))
        {
            SchemaValidator.Validate(value, schema, where, violations);
        }
    }

    private static IReadOnlyList<string> Split(IReadOnlyList<string> values, IOpenApiParameter parameter, IOpenApiSchema schema)
    {
        if (schema.Type is not { } type || !type.HasFlag(JsonSchemaType.Array) || values.Count != 1)
        {
            return values;
        }

        var separator = parameter.Style switch
        {
            ParameterStyle.SpaceDelimited => ' ',
            ParameterStyle.PipeDelimited => '|',
            _ => ',',
        };
        var exploded = parameter.Explode && parameter.In == ParameterLocation.Query && parameter.Style is null or ParameterStyle.Form;
        return exploded ? values : values[0].Split(separator);
    }

    // A parameter's text as the JSON value its schema describes, so that the schema's checks apply to it.
    private static JsonNode? Coerce(IReadOnlyList<string> values, IOpenApiSchema schema, string where, List<string> violations)
    {
        var type = schema.Type ?? default;
        if (type.HasFlag(JsonSchemaType.Array))
        {
            var items = new JsonArray();
            foreach (var value in values)
            {
                items.Add(schema.Items is { } itemSchema ? Coerce(new[] { value }, itemSchema, where, violations) : JsonValue.Create(value));
            }

            return items;
        }

        var text = values[0];
        if (type.HasFlag(JsonSchemaType.Integer) || type.HasFlag(JsonSchemaType.Number))
        {
            if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                && (!type.HasFlag(JsonSchemaType.Integer) || type.HasFlag(JsonSchemaType.Number) || decimal.Truncate(number) == number))
            {
                return JsonNode.Parse(text.Trim());
            }

            if (!type.HasFlag(JsonSchemaType.String))
            {
                violations.Add($"{where}: '{text}' is not {(type.HasFlag(JsonSchemaType.Integer) ? "an integer" : "a number")}");
                return null;
            }
        }

        if (type.HasFlag(JsonSchemaType.Boolean) && !type.HasFlag(JsonSchemaType.String))
        {
            if (text is "true" or "false")
            {
                return JsonValue.Create(text == "true");
            }

            violations.Add($"{where}: '{text}' is not a boolean");
            return null;
        }

        return JsonValue.Create(text);
    }

    private static bool Authenticated(FakeOperation operation, HttpRequestMessage request, IReadOnlyDictionary<string, IReadOnlyList<string>> query) =>
        operation.Security.Count == 0 || operation.Security.Any(requirement => requirement.Keys.All(key => Satisfies(key.Target, request, query)));

    private static bool Satisfies(IOpenApiSecurityScheme? scheme, HttpRequestMessage request, IReadOnlyDictionary<string, IReadOnlyList<string>> query)
    {
        if (scheme is null)
        {
            return true;
        }

        var authorization = request.Headers.Authorization;
        return scheme.Type switch
        {
            SecuritySchemeType.ApiKey => scheme.In switch
            {
                ParameterLocation.Query => query.ContainsKey(scheme.Name ?? string.Empty),
                ParameterLocation.Cookie => Cookie(request, scheme.Name ?? string.Empty) is not null,
                _ => request.Headers.Contains(scheme.Name ?? string.Empty),
            },
            SecuritySchemeType.Http => authorization is not null
                && (string.IsNullOrEmpty(scheme.Scheme) || string.Equals(authorization.Scheme, scheme.Scheme, StringComparison.OrdinalIgnoreCase)),
            SecuritySchemeType.OAuth2 or SecuritySchemeType.OpenIdConnect => string.Equals(authorization?.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase),
            _ => true,
        };
    }

    private static string Describe(OpenApiSecurityRequirement requirement) =>
        requirement.Count == 0 ? "none" : string.Join(" with ", requirement.Keys.Select(key => "'" + (key.Reference?.Id ?? "?") + "'"));

    private static string? Cookie(HttpRequestMessage request, string name)
    {
        if (!request.Headers.TryGetValues("Cookie", out var headers))
        {
            return null;
        }

        foreach (var pair in headers.SelectMany(header => header.Split(';')))
        {
            var separator = pair.IndexOf('=');
            if (separator > 0 && pair.Substring(0, separator).Trim() == name)
            {
                return pair.Substring(separator + 1).Trim();
            }
        }

        return null;
    }

    public static bool IsJson(string mediaType)
    {
        var type = mediaType.Split(';')[0].Trim().ToLowerInvariant();
        return type is "application/json" or "text/json" or "*/*" || type.EndsWith("+json", StringComparison.Ordinal);
    }

    private static bool MediaTypeMatches(string declared, string? sent)
    {
        var wanted = declared.Split(';')[0].Trim().ToLowerInvariant();
        var actual = (sent ?? string.Empty).ToLowerInvariant();
        return wanted == actual || wanted == "*/*" || wanted.EndsWith("/*", StringComparison.Ordinal) && actual.StartsWith(wanted.TrimEnd('*'), StringComparison.Ordinal);
    }
}
