using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CrmSdkGen.EndToEnd.Tests.Pipedrive;

/// <summary>
/// Persons in the shape of Pipedrive's v1 API on 127.0.0.1: every answer an envelope, start/limit paging whose last
/// page still names a next start (a start past the end answers the last page again), owner_id an object in answers
/// and a number in requests, and errors as {"success": false, "error": ...}.
/// </summary>
public sealed class PipedriveShapedServer : IAsyncDisposable
{
    private readonly SortedDictionary<long, JsonObject> _persons = new();
    private readonly ConcurrentDictionary<string, int> _counts = new();
    private readonly ConcurrentQueue<string> _bodies = new();
    private long _nextId = 1;
    private WebApplication _app = null!;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The request bodies received, in order.</summary>
    public IReadOnlyList<string> Bodies => _bodies.ToList();

    public static async Task<PipedriveShapedServer> StartAsync()
    {
        var server = new PipedriveShapedServer();
        (server._app, server.BaseAddress) = await Quickstart.LoopbackHost.StartAsync(server.Map);
        return server;
    }

    public int Count(string route) => _counts.TryGetValue(route, out var count) ? count : 0;

    public long Add(string name, string? ownerIdAsText = null)
    {
        lock (_persons)
        {
            var id = _nextId++;
            _persons[id] = Person(id, name, ownerIdAsText);
            return id;
        }
    }

    public JsonObject? Get(long id)
    {
        lock (_persons)
        {
            return _persons.TryGetValue(id, out var person) ? (JsonObject)person.DeepClone() : null;
        }
    }

    public IReadOnlyList<long> Ids()
    {
        lock (_persons)
        {
            return _persons.Keys.ToList();
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static JsonObject Person(long id, string name, string? ownerIdAsText = null) => new()
    {
        ["id"] = id,
        ["name"] = name,
        ["owner_id"] = ownerIdAsText is null ? new JsonObject { ["id"] = 7, ["name"] = "Grace Owner", ["email"] = "grace@example.com" } : JsonValue.Create(ownerIdAsText),
        ["org_id"] = null,
        ["phone"] = new JsonArray(new JsonObject { ["value"] = "+1 555 0100", ["primary"] = true, ["label"] = "work" }),
        ["email"] = new JsonArray(new JsonObject { ["value"] = name.ToLowerInvariant() + "@example.com", ["primary"] = true, ["label"] = "work" }),
        ["active_flag"] = true,
        ["add_time"] = "2024-01-02 03:04:05",
        ["update_time"] = "2024-01-02 03:04:05",
        ["cc_email"] = "company@pipedrivemail.example",
    };

    private void Map(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var id = context.Request.Path.Value!.Split('/', StringSplitOptions.RemoveEmptyEntries).Length > 2 ? "/{id}" : string.Empty;
            _counts.AddOrUpdate($"{context.Request.Method} persons{id}", 1, (_, count) => count + 1);
            await next(context);
        });
        app.MapGet("/v1/persons", (int? start, int? limit) =>
        {
            lock (_persons)
            {
                var size = limit ?? 100;
                var from = Math.Min(start ?? 0, Math.Max(0, (_persons.Count - 1) / size * size));
                var page = _persons.Values.Skip(from).Take(size).Select(person => person.DeepClone()).ToArray();
                var more = from + size < _persons.Count;
                return Envelope(new JsonArray(page), new JsonObject
                {
                    ["pagination"] = new JsonObject { ["start"] = from, ["limit"] = size, ["more_items_in_collection"] = more, ["next_start"] = from + size },
                });
            }
        });
        app.MapGet("/v1/persons/{id:long}", (long id) => Get(id) is { } person ? Envelope(person) : NotFound());
        app.MapPost("/v1/persons", async (HttpContext context) =>
        {
            var body = await ReadAsync(context);
            var id = Add((string?)body["name"] ?? "unnamed");
            return Results.Json(new JsonObject { ["success"] = true, ["data"] = Get(id) }, statusCode: 201);
        });
        app.MapPut("/v1/persons/{id:long}", async (long id, HttpContext context) =>
        {
            var body = await ReadAsync(context);
            if (body["owner_id"] is { } owner && owner.GetValueKind() != JsonValueKind.Number)
            {
                return Results.Json(new JsonObject { ["success"] = false, ["error"] = "owner_id must be a number", ["error_info"] = "Please check developers.pipedrive.com", ["data"] = body.DeepClone() }, statusCode: 400);
            }

            lock (_persons)
            {
                if (!_persons.TryGetValue(id, out var person))
                {
                    return NotFound();
                }

                if (body["phone"] is JsonArray phones && phones.Any(phone => !((string?)phone?["value"] ?? string.Empty).StartsWith('+')))
                {
                    // Like many CRMs, the refusal echoes the record, customer data included.
                    return Results.Json(new JsonObject { ["success"] = false, ["error"] = "Invalid phone number", ["data"] = new JsonObject { ["email"] = person["email"]!.DeepClone(), ["phone"] = phones.DeepClone() } }, statusCode: 400);
                }

                foreach (var member in body)
                {
                    person[member.Key] = member.Value?.DeepClone();
                }

                person["update_time"] = "2024-02-03 04:05:06";
                return Envelope(person.DeepClone());
            }
        });
        app.MapDelete("/v1/persons/{id:long}", (long id) =>
        {
            lock (_persons)
            {
                return _persons.Remove(id) ? Envelope(new JsonObject { ["id"] = id }) : NotFound();
            }
        });
    }

    private async Task<JsonObject> ReadAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var text = await reader.ReadToEndAsync();
        _bodies.Enqueue(text);
        return JsonNode.Parse(text)!.AsObject();
    }

    private static IResult Envelope(JsonNode data, JsonObject? additional = null) =>
        Results.Json(new JsonObject { ["success"] = true, ["data"] = data, ["additional_data"] = additional });

    private static IResult NotFound() =>
        Results.Json(new JsonObject { ["success"] = false, ["error"] = "Person not found", ["error_info"] = "Please check developers.pipedrive.com", ["data"] = null }, statusCode: 404);
}
