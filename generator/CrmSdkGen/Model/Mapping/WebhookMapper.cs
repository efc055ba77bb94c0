using System;
using System.Collections.Generic;
using System.Linq;
using CrmSdkGen.Kernel;
using CrmSdkGen.Read;
using Microsoft.OpenApi;

namespace CrmSdkGen.Model.Mapping;

/// <summary>
/// Maps the requests an API sends to the integrator — the document's <c>webhooks</c> (OpenAPI 3.1) and every
/// operation's <c>callbacks</c> — to <see cref="ApiWebhook"/>s, their payloads by the same schema rules as responses.
/// </summary>
internal sealed class WebhookMapper
{
    private readonly OpenApiDocument _document;
    private readonly SchemaMapper _schemas;
    private readonly DiagnosticSink _sink;

    public WebhookMapper(OpenApiDocument document, SchemaMapper schemas, DiagnosticSink sink)
    {
        _document = document;
        _schemas = schemas;
        _sink = sink;
    }

    public List<ApiWebhook> MapAll()
    {
        var result = new List<ApiWebhook>();
        foreach (var webhook in _document.Webhooks ?? new Dictionary<string, IOpenApiPathItem>())
        {
            var pointer = "#/webhooks/" + SpecPointer.Escape(webhook.Key);
            if (Read(() => Operations(webhook.Value, pointer), "webhook", webhook.Key, pointer) is not { } operations)
            {
                continue;
            }

            var withBody = operations.Count(other => HasBody(other.Operation));
            foreach (var (method, operation, operationPointer) in operations)
            {
                var name = withBody > 1 ? webhook.Key + " " + method : webhook.Key;
                if (Map(ApiWebhookKind.Webhook, name, webhook.Key, method, null, operation, operationPointer) is { } mapped)
                {
                    result.Add(mapped);
                }
            }
        }

        // A callback defined once and referred to from several operations is one handler. A callback's key names it
        // where no other callback has that key; else the operation it belongs to qualifies it.
        var callbacks = new List<(string Qualified, ApiWebhook Webhook)>();
        foreach (var callback in Callbacks())
        {
            var method = callback.Siblings > 1 ? " " + callback.Method : string.Empty;
            if (Map(ApiWebhookKind.Callback, callback.Key + method, callback.Key, callback.Method, callback.Expression, callback.Operation, callback.Pointer) is { } webhook
                && !callbacks.Any(known => known.Webhook == webhook))
            {
                callbacks.Add((callback.Owner + " " + callback.Key + method, webhook));
            }
        }

        var owners = callbacks.GroupBy(callback => callback.Webhook.Name, StringComparer.Ordinal).ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal);
        result.AddRange(callbacks.Select(callback => owners[callback.Webhook.Name] > 1 ? callback.Webhook with { Name = callback.Qualified } : callback.Webhook));
        return result;
    }

    private ApiWebhook? Map(ApiWebhookKind kind, string name, string key, string method, string? expression, OpenApiOperation operation, string pointer)
    {
        try
        {
            return MapOperation(kind, name, key, method, expression, operation, pointer);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            _sink.Report(DiagnosticIds.UnreadableNode, Severity.Warning, $"The {Describe(kind)} '{key}' ({method}) could not be read ({Unreadable.Reason(exception)}); no handler is generated for it.", pointer);
            return null;
        }
    }

    private ApiWebhook? MapOperation(ApiWebhookKind kind, string name, string key, string method, string? expression, OpenApiOperation operation, string pointer)
    {
        var chosen = MediaTypes.Choose(operation.RequestBody?.Content);
        if (chosen is null || chosen.Value.Kind != ApiContentKind.Json)
        {
            var what = chosen is null ? "has no body" : $"sends '{chosen.Value.MediaType}' bodies, not JSON";
            _sink.Report(DiagnosticIds.NoWebhookHandler, Severity.Info, $"The {Describe(kind)} '{key}' ({method}) {what}; no typed handler is generated for it.", pointer);
            return null;
        }

        var (mediaType, media, _) = chosen.Value;
        var schemaPointer = pointer + "/requestBody/content/" + SpecPointer.Escape(mediaType) + "/schema";
        var payload = _schemas.Map(media.Schema, schemaPointer, name + " Payload");
        return new ApiWebhook(
            kind,
            name,
            key,
            method,
            expression,
            operation.Summary,
            operation.Description,
            operation.Deprecated,
            payload,
            operation.RequestBody?.Description);
    }

    private List<(string Method, OpenApiOperation Operation, string Pointer)> Operations(IOpenApiPathItem pathItem, string pointer) =>
        (pathItem.Operations ?? new Dictionary<System.Net.Http.HttpMethod, OpenApiOperation>())
            .Select(entry => (entry.Key.Method.ToUpperInvariant(), entry.Value, pointer + "/" + entry.Key.Method.ToLowerInvariant()))
            .ToList();

    private List<CallbackOperation> Callbacks()
    {
        var result = new List<CallbackOperation>();
        foreach (var path in _document.Paths ?? new OpenApiPaths())
        {
            foreach (var entry in path.Value.Operations ?? new Dictionary<System.Net.Http.HttpMethod, OpenApiOperation>())
            {
                var method = entry.Key.Method.ToUpperInvariant();
                var operationPointer = "#/paths/" + SpecPointer.Escape(path.Key) + "/" + entry.Key.Method.ToLowerInvariant();
                var owner = entry.Value.OperationId ?? method + " " + path.Key;
                foreach (var callback in entry.Value.Callbacks ?? new Dictionary<string, IOpenApiCallback>())
                {
                    var callbackPointer = operationPointer + "/callbacks/" + SpecPointer.Escape(callback.Key);
                    if (Read(() => CallbackOperations(owner, callback.Key, callback.Value, callbackPointer), "callback", callback.Key, callbackPointer) is not { } sent)
                    {
                        continue;
                    }

                    var withBody = sent.Count(item => HasBody(item.Operation));
                    result.AddRange(sent.Select(item => item with { Siblings = withBody }));
                }
            }
        }

        return result;
    }

    private List<CallbackOperation> CallbackOperations(string owner, string key, IOpenApiCallback callback, string pointer)
    {
        var sent = new List<CallbackOperation>();
        foreach (var target in callback.PathItems ?? new Dictionary<RuntimeExpression, IOpenApiPathItem>())
        {
            var expression = target.Key.Expression;
            foreach (var (method, operation, operationPointer) in Operations(target.Value, pointer + "/" + SpecPointer.Escape(expression)))
            {
                sent.Add(new CallbackOperation(owner, key, expression, method, operation, operationPointer, 0));
            }
        }

        return sent;
    }

    // A webhook or callback whose node the reader could not make sense of (a reference to nothing, a node of the wrong
    // kind) is left out with a warning; the others still generate.
    private T? Read<T>(Func<T> read, string what, string key, string pointer)
        where T : class
    {
        try
        {
            return read();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            _sink.Report(DiagnosticIds.UnreadableNode, Severity.Warning, $"The {what} '{key}' could not be read ({Unreadable.Reason(exception)}); no handler is generated for it.", pointer);
            return null;
        }
    }

    // Whether a name needs the method to tell two bodies apart; a body the reader cannot make sense of counts as none
    // here and is reported where the webhook is mapped.
    private static bool HasBody(OpenApiOperation operation)
    {
        try
        {
            return operation.RequestBody?.Content is { Count: > 0 };
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return false;
        }
    }

    private static string Describe(ApiWebhookKind kind) => kind == ApiWebhookKind.Webhook ? "webhook" : "callback";

    private sealed record CallbackOperation(string Owner, string Key, string Expression, string Method, OpenApiOperation Operation, string Pointer, int Siblings);
}
