using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Quickstart;

namespace WebhooksSample;

/// <summary>
/// A local CRM in HubSpot's shape for deals and tasks (specs/acme/acme-crm-deals.yaml) on 127.0.0.1: a bearer token,
/// records with a <c>properties</c> map, and a task property with unique values (<c>followup_key</c>): creating a
/// second task with the same key answers 409 Conflict, as HubSpot does for properties that require unique values.
/// </summary>
public sealed class DealsCrm : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, JsonObject> _deals = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, JsonObject> _tasksByKey = new(StringComparer.Ordinal);
    private WebApplication _app = null!;
    private int _nextId = 1000;
    private int _conflicts;

    private DealsCrm(string token) => Token = token;

    public Uri BaseAddress { get; private set; } = null!;

    public string Token { get; }

    /// <summary>The tasks created, by follow-up key.</summary>
    public IReadOnlyDictionary<string, JsonObject> Tasks => _tasksByKey;

    /// <summary>Task creations refused because the follow-up key was taken.</summary>
    public int Conflicts => Volatile.Read(ref _conflicts);

    public static async Task<DealsCrm> StartAsync(string token)
    {
        var crm = new DealsCrm(token);
        var (app, address) = await LoopbackHost.StartAsync(crm.Map);
        (crm._app, crm.BaseAddress) = (app, address);
        return crm;
    }

    /// <summary>Adds a deal at <paramref name="stage"/>; returns its id.</summary>
    public string AddDeal(string name, string stage)
    {
        var id = Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);
        var now = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        _deals[id] = new JsonObject
        {
            ["id"] = id,
            ["properties"] = new JsonObject { ["dealname"] = name, ["dealstage"] = stage, ["hs_object_id"] = id },
            ["createdAt"] = now,
            ["updatedAt"] = now,
            ["archived"] = false,
        };
        return id;
    }

    /// <summary>Moves a deal to <paramref name="stage"/>, as a salesperson does in the CRM.</summary>
    public void MoveDeal(string id, string stage)
    {
        lock (_deals[id])
        {
            _deals[id]["properties"]!["dealstage"] = stage;
            _deals[id]["updatedAt"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private void Map(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (context.Request.Headers.Authorization.ToString() != "Bearer " + Token)
            {
                await Error(context, 401, "INVALID_AUTHENTICATION", "Authentication credentials not found.");
                return;
            }

            await next(context);
        });
        app.MapGet("/crm/v3/objects/deals/{id}", (HttpContext context, string id) => _deals.TryGetValue(id, out var deal)
            ? Json(context, 200, Copy(deal))
            : Error(context, 404, "OBJECT_NOT_FOUND", "Object not found."));
        app.MapPost("/crm/v3/objects/tasks", CreateTask);
    }

    private async Task CreateTask(HttpContext context)
    {
        JsonObject? input;
        try
        {
            input = await JsonNode.ParseAsync(context.Request.Body) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            input = null;
        }

        if (input?["properties"] is not JsonObject properties || properties["followup_key"] is not JsonValue value || !value.TryGetValue<string>(out var key) || key.Length == 0)
        {
            await Error(context, 400, "VALIDATION_ERROR", "Property values were not valid: followup_key is required.");
            return;
        }

        var now = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        var task = new JsonObject
        {
            ["id"] = Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture),
            ["properties"] = properties.DeepClone(),
            ["createdAt"] = now,
            ["updatedAt"] = now,
            ["archived"] = false,
        };
        if (!_tasksByKey.TryAdd(key, task))
        {
            Interlocked.Increment(ref _conflicts);
            await Error(context, 409, "CONFLICT", $"A task with followup_key {key} already exists.");
            return;
        }

        await Json(context, 201, Copy(task));
    }

    private static JsonObject Copy(JsonObject record)
    {
        lock (record)
        {
            return (JsonObject)record.DeepClone();
        }
    }

    private static Task Json(HttpContext context, int status, JsonNode body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body.ToJsonString());
    }

    private static Task Error(HttpContext context, int status, string category, string message) =>
        Json(context, status, new JsonObject { ["status"] = "error", ["message"] = message, ["correlationId"] = Guid.NewGuid().ToString(), ["category"] = category });
}
