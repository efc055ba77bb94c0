using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Quickstart;

/// <summary>
/// A small CRM contacts server on 127.0.0.1 that implements specs/acme/acme-crm-contacts.yaml with an in-memory store.
/// It handles JSON with JsonNode rather than the generated models, so it checks the client instead of mirroring it.
/// </summary>
public sealed class ContactsServer : IAsyncDisposable
{
    private WebApplication _app = null!;
    private readonly Dictionary<string, JsonObject> _contacts = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    private int _nextId = 1;

    private ContactsServer()
    {
    }

    /// <summary>The base address clients use, such as http://127.0.0.1:41234/v1/.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The API key requests must carry in X-Api-Key.</summary>
    public string ApiKey { get; private init; } = string.Empty;

    /// <summary>The requests the server received, as "METHOD path?query".</summary>
    public List<string> RequestLog { get; } = new();

    /// <summary>Starts the server on a free port of 127.0.0.1.</summary>
    public static async Task<ContactsServer> StartAsync(string apiKey)
    {
        var server = new ContactsServer { ApiKey = apiKey };
        var (app, address) = await LoopbackHost.StartAsync(server.MapRoutes);
        server._app = app;
        server.BaseAddress = new Uri(address, "v1/");
        return server;
    }

    /// <summary>The stored contact with this id, as JSON, or null.</summary>
    public JsonObject? Find(string id)
    {
        lock (_gate)
        {
            return _contacts.TryGetValue(id, out var contact) ? (JsonObject)contact.DeepClone() : null;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private void MapRoutes(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            lock (_gate)
            {
                RequestLog.Add($"{context.Request.Method} {context.Request.Path}{context.Request.QueryString}");
            }

            if (context.Request.Headers["X-Api-Key"] != ApiKey)
            {
                await WriteError(context, 401, "A valid X-Api-Key header is required.");
                return;
            }

            await next();
        });

        app.MapGet("/v1/contacts", List);
        app.MapPost("/v1/contacts", Create);
        app.MapGet("/v1/contacts/{contactId}", Get);
        app.MapPatch("/v1/contacts/{contactId}", Update);
        app.MapDelete("/v1/contacts/{contactId}", Delete);
    }

    private async Task List(HttpContext context)
    {
        var limit = int.TryParse(context.Request.Query["limit"], CultureInfo.InvariantCulture, out var parsed) ? parsed : 20;
        var after = int.TryParse(context.Request.Query["after"], CultureInfo.InvariantCulture, out var cursor) ? cursor : 0;
        string? stage = context.Request.Query["lifecycleStage"];
        JsonArray results;
        bool more;
        lock (_gate)
        {
            var matching = _contacts.Values
                .Where(contact => stage is null || (string?)contact["lifecycleStage"] == stage)
                .Where(contact => int.Parse((string)contact["id"]!, CultureInfo.InvariantCulture) > after)
                .OrderBy(contact => int.Parse((string)contact["id"]!, CultureInfo.InvariantCulture))
                .ToList();
            results = new JsonArray(matching.Take(limit).Select(contact => (JsonNode)contact.DeepClone()).ToArray());
            more = matching.Count > limit;
        }

        var page = new JsonObject { ["results"] = results };
        if (more)
        {
            page["paging"] = new JsonObject { ["next"] = new JsonObject { ["after"] = (string)results[^1]!["id"]! } };
        }

        await WriteJson(context, 200, page);
    }

    private async Task Create(HttpContext context)
    {
        if (await ReadBody(context) is not { } input)
        {
            return;
        }

        if (input["email"] is null)
        {
            await WriteError(context, 400, "email is required.");
            return;
        }

        JsonObject contact;
        lock (_gate)
        {
            var now = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
            contact = new JsonObject { ["id"] = (_nextId++).ToString(CultureInfo.InvariantCulture), ["createdAt"] = now, ["updatedAt"] = now, ["archived"] = false };
            Merge(contact, input);
            _contacts[(string)contact["id"]!] = contact;
            contact = (JsonObject)contact.DeepClone();
        }

        await WriteJson(context, 201, contact);
    }

    private async Task Get(HttpContext context, string contactId)
    {
        if (Find(contactId) is { } contact)
        {
            await WriteJson(context, 200, contact);
        }
        else
        {
            await WriteError(context, 404, $"No contact has the id '{contactId}'.");
        }
    }

    private async Task Update(HttpContext context, string contactId)
    {
        if (await ReadBody(context) is not { } input)
        {
            return;
        }

        JsonObject? updated = null;
        lock (_gate)
        {
            if (_contacts.TryGetValue(contactId, out var contact))
            {
                Merge(contact, input);
                contact["updatedAt"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
                updated = (JsonObject)contact.DeepClone();
            }
        }

        if (updated is null)
        {
            await WriteError(context, 404, $"No contact has the id '{contactId}'.");
        }
        else
        {
            await WriteJson(context, 200, updated);
        }
    }

    private async Task Delete(HttpContext context, string contactId)
    {
        bool removed;
        lock (_gate)
        {
            removed = _contacts.Remove(contactId);
        }

        if (removed)
        {
            context.Response.StatusCode = 204;
        }
        else
        {
            await WriteError(context, 404, $"No contact has the id '{contactId}'.");
        }
    }

    private static void Merge(JsonObject target, JsonObject patch)
    {
        foreach (var (name, value) in patch)
        {
            if (value is null)
            {
                target[name] = null;
            }
            else
            {
                target[name] = value.DeepClone();
            }
        }
    }

    private static async Task<JsonObject?> ReadBody(HttpContext context)
    {
        try
        {
            if (await JsonNode.ParseAsync(context.Request.Body) is JsonObject body)
            {
                return body;
            }
        }
        catch (JsonException)
        {
        }

        await WriteError(context, 400, "The body must be a JSON object.");
        return null;
    }

    private static Task WriteError(HttpContext context, int status, string message) =>
        WriteJson(context, status, new JsonObject
        {
            ["status"] = "error",
            ["message"] = message,
            ["correlationId"] = Guid.NewGuid().ToString(),
            ["category"] = status == 404 ? "OBJECT_NOT_FOUND" : "VALIDATION_ERROR",
        });

    private static async Task WriteJson(HttpContext context, int status, JsonNode body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString());
    }
}
