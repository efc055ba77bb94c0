using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CrmSdkGen.Kernel;
using CrmSdkGen.Model.Detection;
using CrmSdkGen.Read;
using Microsoft.OpenApi;

namespace CrmSdkGen.Model.Mapping;

/// <summary>Stage 2: the OpenAPI object model to the language-neutral <see cref="ApiDescription"/>.</summary>
internal static class ModelBuilder
{
    public static ApiDescription Build(OpenApiDocument document, DiagnosticSink sink, CancellationToken cancellationToken)
    {
        var schemas = new SchemaMapper(document, sink, cancellationToken);
        schemas.MapComponents();
        var mapped = new OperationMapper(document, schemas, sink).MapAll();
        var webhooks = new WebhookMapper(document, schemas, sink).MapAll();
        var named = schemas.NamedSchemas.ToEquatableArray();
        var byId = named.ToDictionary(schema => schema.Id);
        Func<string, ApiSchema?> lookup = id => byId.TryGetValue(id, out var schema) ? schema : null;
        var operations = mapped.Select(operation => operation with { Paging = PagingDetector.Detect(operation, lookup) }).ToList();
        return new ApiDescription(
            document.Info?.Title ?? "Api",
            document.Info?.Version ?? string.Empty,
            document.Info?.Description,
            ServerUrl(document),
            named,
            operations.ToEquatableArray(),
            MapSecuritySchemes(document, sink).ToEquatableArray())
        {
            SyncResources = SyncResourceDetector.Detect(operations, lookup, sink).ToEquatableArray(),
            Webhooks = webhooks.ToEquatableArray(),
        };
    }

    private static string? ServerUrl(OpenApiDocument document)
    {
        var server = document.Servers?.FirstOrDefault();
        if (server?.Url is not { } url)
        {
            return null;
        }

        foreach (var variable in server.Variables ?? new Dictionary<string, OpenApiServerVariable>())
        {
            url = url.Replace("{" + variable.Key + "}", variable.Value.Default ?? variable.Value.Enum?.FirstOrDefault() ?? string.Empty);
        }

        return url;
    }

    private static List<ApiSecurityScheme> MapSecuritySchemes(OpenApiDocument document, DiagnosticSink sink)
    {
        var result = new List<ApiSecurityScheme>();
        foreach (var pair in document.Components?.SecuritySchemes ?? new Dictionary<string, IOpenApiSecurityScheme>())
        {
            var scheme = pair.Value;
            SecuritySchemeType? type;
            try
            {
                type = scheme?.Type ?? throw new InvalidCastException("not an object");
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                sink.Report(DiagnosticIds.UnreadableNode, Severity.Warning, $"The security scheme '{pair.Key}' could not be read ({Unreadable.Reason(exception)}); it is left out.", "#/components/securitySchemes/" + SpecPointer.Escape(pair.Key));
                continue;
            }

            ApiSecurityKind? kind = type switch
            {
                SecuritySchemeType.ApiKey => scheme.In switch
                {
                    ParameterLocation.Query => ApiSecurityKind.ApiKeyQuery,
                    ParameterLocation.Cookie => ApiSecurityKind.ApiKeyCookie,
                    _ => ApiSecurityKind.ApiKeyHeader,
                },
                SecuritySchemeType.Http when string.Equals(scheme.Scheme, "basic", StringComparison.OrdinalIgnoreCase) => ApiSecurityKind.Basic,
                SecuritySchemeType.Http when string.Equals(scheme.Scheme, "bearer", StringComparison.OrdinalIgnoreCase) => ApiSecurityKind.Bearer,
                SecuritySchemeType.OAuth2 or SecuritySchemeType.OpenIdConnect => ApiSecurityKind.Bearer,
                _ => null,
            };
            if (kind is null)
            {
                // .NET's handlers do these themselves (client certificates, NetworkCredential), so nothing is missing.
                var handlerApplies = type == SecuritySchemeType.MutualTLS
                    || (type == SecuritySchemeType.Http && scheme.Scheme?.Trim().ToLowerInvariant() is "digest" or "negotiate" or "ntlm");
                sink.Report(
                    DiagnosticIds.UnsupportedParameter,
                    handlerApplies ? Severity.Info : Severity.Warning,
                    $"The security scheme '{pair.Key}' ({scheme.Type} {scheme.Scheme}) is not applied by the client; configure it on the HttpClient's handler.",
                    "#/components/securitySchemes/" + SpecPointer.Escape(pair.Key));
                continue;
            }

            result.Add(new ApiSecurityScheme(pair.Key, kind.Value, scheme.Name, scheme.Description)
            {
                OAuth2 = scheme.Type is SecuritySchemeType.OAuth2 or SecuritySchemeType.OpenIdConnect,
            });
        }

        return result;
    }
}
