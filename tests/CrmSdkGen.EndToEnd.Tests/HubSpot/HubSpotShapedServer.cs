using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CrmSdkGen.EndToEnd.Tests.HubSpot;

/// <summary>
/// A CRM on 127.0.0.1 that behaves as HubSpot documents its CRM v3 object APIs (specs/acme/acme-crm-objects-v3.yaml):
/// bearer tokens only, pages of 10 unless asked (at most 100), archived listings, a search capped at
/// <see cref="ResultCap"/> results per query (400 past it, 200 a page at most), batch updates answering 207 with the
/// records it could not find in <c>errors</c> and 400 for the whole batch when a value is invalid, and 411 for a body
/// sent without a Content-Length. It counts requests by route. JSON is handled with JsonNode, not the generated models.
/// </summary>
public sealed class HubSpotShapedServer : IAsyncDisposable
{
    public const string Invalid = "INVALID";
    private readonly ConcurrentDictionary<string, int> _requests = new();
    private WebApplication _app = null!;

    private HubSpotShapedServer(string token) => Token = token;

    public Uri BaseAddress { get; private set; } = null!;

    public string Token { get; }

    public CrmObjectStore Contacts { get; } = new("contacts");

    public CrmObjectStore Companies { get; } = new("companies");

    /// <summary>A delay before each page of a listing or search is sent.</summary>
    public TimeSpan PageDelay { get; set; }

    /// <summary>Whether reads of single records are refused with 403 MISSING_SCOPES (a private app whose scope was taken away).</summary>
    public bool RefuseReads { get; set; }

    /// <summary>How many results one search query can reach (HubSpot: 10,000).</summary>
    public int ResultCap { get; set; } = 10_000;

    /// <summary>Requests received, by "METHOD type/route" such as "GET contacts", "GET contacts archived", "POST contacts/search".</summary>
    public IReadOnlyDictionary<string, int> Requests => _requests;

    /// <summary>Search requests refused because they reached past the cap.</summary>
    public int CapRefusals { get; private set; }

    public int Count(string route) => _requests.TryGetValue(route, out var count) ? count : 0;

    public void ResetCounts() => _requests.Clear();

    public static async Task<HubSpotShapedServer> StartAsync(string token = "pat-na1-test-token")
    {
        var server = new HubSpotShapedServer(token);
        var (app, address) = await Quickstart.LoopbackHost.StartAsync(server.Map);
        server._app = app;
        server.BaseAddress = address;
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private CrmObjectStore? Store(string type) => type switch { "contacts" => Contacts, "companies" => Companies, _ => null };

    private void Map(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (context.Request.Headers.Authorization.ToString() != "Bearer " + Token)
            {
                await Error(context, 401, "INVALID_AUTHENTICATION", "Authentication credentials not found.");
                return;
            }

            if (context.Request.Headers.TransferEncoding.Count > 0 && context.Request.ContentLength is null)
            {
                context.Response.StatusCode = StatusCodes.Status411LengthRequired;
                return;
            }

            await next(context);
        });
        app.MapGet("/crm/v3/objects/{type}", (HttpContext context, string type) => Typed(context, type, "GET {0}", store => List(context, store)));
        app.MapPost("/crm/v3/objects/{type}", (HttpContext context, string type) => Typed(context, type, "POST {0}", store => Create(context, store)));
        app.MapGet("/crm/v3/objects/{type}/{id}", (HttpContext context, string type, string id) => Typed(context, type, "GET {0}/id", store => RefuseReads ? Error(context, 403, "MISSING_SCOPES", "This app lacks the scope to read the object.") : Read(context, store, id)));
        app.MapMethods("/crm/v3/objects/{type}/{id}", new[] { "PATCH" }, (HttpContext context, string type, string id) => Typed(context, type, "PATCH {0}/id", store => Update(context, store, id)));
        app.MapDelete("/crm/v3/objects/{type}/{id}", (HttpContext context, string type, string id) => Typed(context, type, "DELETE {0}/id", store => Archive(context, store, id)));
        app.MapPost("/crm/v3/objects/{type}/search", (HttpContext context, string type) => Typed(context, type, "POST {0}/search", store => Search(context, store)));
        app.MapPost("/crm/v3/objects/{type}/batch/update", (HttpContext context, string type) => Typed(context, type, "POST {0}/batch/update", store => BatchUpdate(context, store)));
    }

    private Task Typed(HttpContext context, string type, string route, Func<CrmObjectStore, Task> handle)
    {
        var name = string.Format(CultureInfo.InvariantCulture, route, type) + (context.Request.Query["archived"] == "true" ? " archived" : string.Empty);
        _requests.AddOrUpdate(name, 1, (_, count) => count + 1);
        return Store(type) is { } store ? handle(store) : Error(context, 404, "OBJECT_NOT_FOUND", $"Unknown object type {type}.");
    }

    private async Task List(HttpContext context, CrmObjectStore store)
    {
        await Task.Delay(PageDelay);
        var limit = Math.Clamp(int.TryParse(context.Request.Query["limit"], out var asked) ? asked : 10, 1, 100);
        var after = long.TryParse(context.Request.Query["after"], out var cursor) ? cursor : long.MinValue;
        var archived = context.Request.Query["archived"] == "true";
        var rest = store.List(archived).Where(entry => entry.Id > after).ToList();
        var page = rest.Take(limit).ToList();
        var answer = new JsonObject { ["results"] = new JsonArray(page.Select(entry => (JsonNode)entry.Json).ToArray()) };
        if (rest.Count > limit)
        {
            var next = page[^1].Id.ToString(CultureInfo.InvariantCulture);
            answer["paging"] = new JsonObject { ["next"] = new JsonObject { ["after"] = next, ["link"] = "?after=" + next } };
        }

        await Json(context, 200, answer);
    }

    private static async Task Create(HttpContext context, CrmObjectStore store)
    {
        var properties = Properties(await Body(context));
        if (properties.Values.Contains(Invalid))
        {
            await Error(context, 400, "VALIDATION_ERROR", "Property values were not valid.");
            return;
        }

        await Json(context, 201, store.Create(properties));
    }

    private static async Task Read(HttpContext context, CrmObjectStore store, string id)
    {
        var found = long.TryParse(id, out var key) ? store.Get(key, context.Request.Query["archived"] == "true") : null;
        await (found is null ? Error(context, 404, "OBJECT_NOT_FOUND", "Object not found.") : Json(context, 200, found));
    }

    private static async Task Update(HttpContext context, CrmObjectStore store, string id)
    {
        var properties = Properties(await Body(context));
        if (!long.TryParse(id, out var key) || !store.IsLive(key))
        {
            await Error(context, 404, "OBJECT_NOT_FOUND", "Object not found.");
        }
        else if (properties.Values.Contains(Invalid))
        {
            await Error(context, 400, "VALIDATION_ERROR", "Property values were not valid.");
        }
        else
        {
            await Json(context, 200, store.Update(key, properties)!);
        }
    }

    private static async Task Archive(HttpContext context, CrmObjectStore store, string id)
    {
        context.Response.StatusCode = long.TryParse(id, out var key) && store.Archive(key) ? 204 : 404;
        await Task.CompletedTask;
    }

    private async Task Search(HttpContext context, CrmObjectStore store)
    {
        await Task.Delay(PageDelay);
        var body = await Body(context);
        var limit = body["limit"]?.GetValue<int>() ?? 10;
        var offset = int.TryParse(body["after"]?.GetValue<string>(), out var after) ? after : 0;
        if (limit > 200)
        {
            await Error(context, 400, "VALIDATION_ERROR", "limit must be at most 200.");
            return;
        }

        if (offset + limit > ResultCap)
        {
            CapRefusals++;
            await Error(context, 400, "VALIDATION_ERROR", $"There was a problem with the request: the search reached its limit of {ResultCap} results.");
            return;
        }

        var matches = CrmSearchQuery.Run(store, body);
        var page = matches.Skip(offset).Take(limit).ToList();
        var answer = new JsonObject { ["total"] = matches.Count, ["results"] = new JsonArray(page.Select(entry => (JsonNode)entry.Json).ToArray()) };
        if (offset + limit < matches.Count)
        {
            var next = (offset + limit).ToString(CultureInfo.InvariantCulture);
            answer["paging"] = new JsonObject { ["next"] = new JsonObject { ["after"] = next, ["link"] = "?after=" + next } };
        }

        await Json(context, 200, answer);
    }

    private static async Task BatchUpdate(HttpContext context, CrmObjectStore store)
    {
        var inputs = (await Body(context))["inputs"] as JsonArray ?? new JsonArray();
        var parsed = inputs.Select(input => (Id: input?["id"]?.GetValue<string>() ?? string.Empty, Properties: Properties(input!))).ToList();
        var invalid = parsed.Where(input => input.Properties.Values.Contains(Invalid)).Select(input => input.Id).ToList();
        if (invalid.Count > 0)
        {
            await Json(context, 400, new JsonObject
            {
                ["status"] = "error",
                ["category"] = "VALIDATION_ERROR",
                ["message"] = "Property values were not valid.",
                ["correlationId"] = Guid.NewGuid().ToString(),
                ["context"] = new JsonObject { ["ids"] = new JsonArray(invalid.Select(id => (JsonNode)id).ToArray()) },
            });
            return;
        }

        var started = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        var results = new JsonArray();
        var missing = new List<string>();
        foreach (var (id, properties) in parsed)
        {
            if (long.TryParse(id, out var key) && store.Update(key, properties) is { } updated)
            {
                results.Add(updated);
            }
            else
            {
                missing.Add(id);
            }
        }

        var answer = new JsonObject { ["status"] = "COMPLETE", ["results"] = results, ["startedAt"] = started, ["completedAt"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture) };
        if (missing.Count > 0)
        {
            answer["numErrors"] = 1;
            answer["errors"] = new JsonArray(new JsonObject
            {
                ["status"] = "error",
                ["category"] = "OBJECT_NOT_FOUND",
                ["message"] = "Could not get some CONTACT objects, they may be deleted or not exist. Check that ids are valid.",
                ["context"] = new JsonObject { ["ids"] = new JsonArray(missing.Select(id => (JsonNode)id).ToArray()) },
                ["id"] = Guid.NewGuid().ToString(),
            });
        }

        await Json(context, missing.Count > 0 ? 207 : 200, answer);
    }

    private static Dictionary<string, string?> Properties(JsonNode body) =>
        (body["properties"] as JsonObject ?? new JsonObject()).ToDictionary(pair => pair.Key, pair => pair.Value?.GetValue<string>());

    private static async Task<JsonNode> Body(HttpContext context) => await JsonNode.ParseAsync(context.Request.Body) ?? new JsonObject();

    private static Task Json(HttpContext context, int status, JsonNode body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body.ToJsonString());
    }

    private static Task Error(HttpContext context, int status, string category, string message) =>
        Json(context, status, new JsonObject { ["status"] = "error", ["message"] = message, ["correlationId"] = Guid.NewGuid().ToString(), ["category"] = category });
}
