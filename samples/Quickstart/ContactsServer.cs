using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Quickstart;

/// <summary>
/// A small CRM on 127.0.0.1 that implements specs/acme/acme-crm-contacts.yaml over a <see cref="ContactStore"/>, with
/// what sync meets in real CRMs: an updatedSince filter that includes archived contacts as tombstones, a delta feed
/// (GET /v1/contacts/delta) whose tokens expire, entity tags with If-Match, idempotency keys on create, and, on demand,
/// page boundaries that repeat a record and slow pages. It handles JSON with JsonNode rather than the generated models,
/// so it checks the client instead of mirroring it.
/// </summary>
public sealed class ContactsServer : IAsyncDisposable
{
    private WebApplication _app = null!;
    private readonly object _gate = new();
    private int _generation = 1;

    private ContactsServer()
    {
    }

    /// <summary>The base address clients use, such as http://127.0.0.1:41234/v1/.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The API key requests must carry in X-Api-Key.</summary>
    public string ApiKey { get; private init; } = string.Empty;

    /// <summary>The contacts; tests change them here as other users of the CRM would.</summary>
    public ContactStore Contacts { get; } = new();

    /// <summary>The requests the server received, as "METHOD path?query" (and " [X-Trace: value]" when the header is sent).</summary>
    public List<string> RequestLog { get; } = new();

    /// <summary>Whether each page after the first starts with the last record of the page before, as some CRMs do.</summary>
    public bool RepeatRecordAtPageBoundaries { get; set; }

    /// <summary>Whether updatedSince listings include archived contacts (tombstones); off, deletes go unreported, as in CRMs without a tombstone feed.</summary>
    public bool ReportArchived { get; set; } = true;

    /// <summary>A delay before each page of a listing is sent.</summary>
    public TimeSpan PageDelay { get; set; }

    /// <summary>How many requests the server received, whether or not <see cref="RequestLog"/> records them.</summary>
    public int RequestCount => Volatile.Read(ref _requestCount);

    private int _requestCount;

    /// <summary>Whether <see cref="RequestLog"/> records requests (off for large benchmarks).</summary>
    public bool LogRequests { get; set; } = true;

    /// <summary>Starts the server on a free port of 127.0.0.1.</summary>
    public static async Task<ContactsServer> StartAsync(string apiKey)
    {
        var server = new ContactsServer { ApiKey = apiKey };
        var (app, address) = await LoopbackHost.StartAsync(server.MapRoutes);
        server._app = app;
        server.BaseAddress = new Uri(address, "v1/");
        return server;
    }

    /// <summary>The live contact with this id, as JSON, or null.</summary>
    public JsonObject? Find(string id) => Contacts.Get(id);

    /// <summary>Makes every page cursor and delta token issued so far expired (410 Gone), as a CRM does after its retention period.</summary>
    public void ExpireTokens()
    {
        lock (_gate)
        {
            _generation++;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private int Generation
    {
        get
        {
            lock (_gate)
            {
                return _generation;
            }
        }
    }

    private void MapRoutes(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            Interlocked.Increment(ref _requestCount);
            if (LogRequests)
            {
                string? trace = context.Request.Headers["X-Trace"];
                lock (RequestLog)
                {
                    RequestLog.Add($"{context.Request.Method} {context.Request.Path}{context.Request.QueryString}{(trace is null ? string.Empty : $" [X-Trace: {trace}]")}");
                }
            }

            if (context.Request.Headers["X-Api-Key"] != ApiKey)
            {
                await WriteError(context, 401, "A valid X-Api-Key header is required.");
                return;
            }

            await next();
        });

        app.MapGet("/v1/contacts", List);
        app.MapGet("/v1/contacts/delta", Delta);
        app.MapPost("/v1/contacts", Create);
        app.MapPost("/v1/contacts/batch/update", BatchUpdate);
        app.MapGet("/v1/contacts/{contactId}", Get);
        app.MapPatch("/v1/contacts/{contactId}", Update);
        app.MapDelete("/v1/contacts/{contactId}", Delete);
    }

    private async Task List(HttpContext context)
    {
        var limit = int.TryParse(context.Request.Query["limit"], CultureInfo.InvariantCulture, out var parsed) ? parsed : 20;
        string? after = context.Request.Query["after"];
        string? since = context.Request.Query["updatedSince"];
        string? stage = context.Request.Query["lifecycleStage"];
        await Delay(after, context.RequestAborted);
        List<JsonObject> results;
        string? next;
        if (since is not null)
        {
            if (!DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var instant))
            {
                await WriteError(context, 400, "updatedSince must be an ISO 8601 date-time.");
                return;
            }

            (long, long)? position = null;
            if (after is not null && (position = ReadPosition(after)) is null)
            {
                await WriteError(context, 410, "The cursor has expired; start the listing again.");
                return;
            }

            var (items, last) = Contacts.ListChangedSince(instant, position, RepeatRecordAtPageBoundaries, limit);
            results = ReportArchived ? items : items.Where(contact => (bool?)contact["archived"] != true).ToList();
            next = last is { } end ? $"{Generation}.{end.Ticks}.{end.Id}" : null;
        }
        else
        {
            var afterId = long.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out var cursor) ? cursor : 0;
            var (items, more) = Contacts.ListById(RepeatRecordAtPageBoundaries && afterId > 0 ? afterId - 1 : afterId, limit, contact => stage is null || (string?)contact["lifecycleStage"] == stage);
            results = items;
            next = more ? (string)items[^1]["id"]! : null;
        }

        var page = new JsonObject { ["results"] = new JsonArray(results.ToArray<JsonNode>()) };
        if (next is not null)
        {
            page["paging"] = new JsonObject { ["next"] = new JsonObject { ["after"] = next } };
        }

        await WriteJson(context, 200, page);
    }

    // A delta feed in the shape of Microsoft Graph's: pages follow "nextLink" tokens; the last page's "deltaLink" token
    // starts the next pull. Without a token the feed lists every live contact; with one, changes and tombstones.
    private async Task Delta(HttpContext context)
    {
        string? token = context.Request.Query["token"];
        var first = token is null;
        await Delay(token, context.RequestAborted);
        var after = 0L;
        if (token is not null && (after = ReadSequence(token, out first)) < 0)
        {
            await WriteError(context, 410, "The delta token has expired; start again without one.");
            return;
        }

        var (items, last, more) = Contacts.Changes(after, 50, liveOnly: first);
        var page = new JsonObject { ["value"] = new JsonArray(items.ToArray<JsonNode>()) };
        page[more ? "nextLink" : "deltaLink"] = $"{Generation}.{(more && first ? "initial" : "delta")}.{last}";
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

        string? key = context.Request.Headers["Idempotency-Key"];
        await WriteJson(context, 201, Contacts.Create(input, key));
    }

    // Like HubSpot's batch update: each input names its contact by id; results come back in reverse order, as a CRM
    // that answers in no particular order may.
    private async Task BatchUpdate(HttpContext context)
    {
        if (await ReadBody(context) is not { } body || body["inputs"] is not JsonArray inputs)
        {
            await WriteError(context, 400, "The body must have an inputs array.");
            return;
        }

        var results = new List<JsonNode>();
        foreach (var input in inputs.OfType<JsonObject>())
        {
            var id = (string?)input["id"] ?? string.Empty;
            if (Contacts.Update(id, input) is not { } updated)
            {
                await WriteError(context, 404, $"No contact has the id '{id}'.");
                return;
            }

            results.Add(updated);
        }

        results.Reverse();
        await WriteJson(context, 200, new JsonObject { ["results"] = new JsonArray(results.ToArray()) });
    }

    private async Task Get(HttpContext context, string contactId)
    {
        if (Contacts.Get(contactId) is { } contact)
        {
            context.Response.Headers.ETag = Contacts.ETag(contactId);
            await WriteJson(context, 200, contact);
        }
        else
        {
            await WriteError(context, 404, $"No contact has the id '{contactId}'.");
        }
    }

    private async Task Update(HttpContext context, string contactId)
    {
        if (await ReadBody(context) is not { } input || !await PreconditionHolds(context, contactId))
        {
            return;
        }

        if (Contacts.Update(contactId, input) is { } updated)
        {
            await WriteJson(context, 200, updated);
        }
        else
        {
            await WriteError(context, 404, $"No contact has the id '{contactId}'.");
        }
    }

    private async Task Delete(HttpContext context, string contactId)
    {
        if (!await PreconditionHolds(context, contactId))
        {
            return;
        }

        if (Contacts.Archive(contactId))
        {
            context.Response.StatusCode = 204;
        }
        else
        {
            await WriteError(context, 404, $"No contact has the id '{contactId}'.");
        }
    }

    private async Task<bool> PreconditionHolds(HttpContext context, string contactId)
    {
        string? expected = context.Request.Headers.IfMatch;
        if (expected is null || Contacts.ETag(contactId) is not { } current || expected == current)
        {
            return true;
        }

        await WriteError(context, 412, $"The contact '{contactId}' changed since {expected}; it is now {current}.");
        return false;
    }

    private async Task Delay(string? token, CancellationToken cancellationToken)
    {
        if (PageDelay > TimeSpan.Zero && token is not null)
        {
            await Task.Delay(PageDelay, cancellationToken);
        }
    }

    // "generation.ticks.id"; null when the cursor is from an expired generation or malformed.
    private (long Ticks, long Id)? ReadPosition(string cursor)
    {
        var parts = cursor.Split('.');
        return parts.Length == 3 && parts[0] == Generation.ToString(CultureInfo.InvariantCulture)
            && long.TryParse(parts[1], CultureInfo.InvariantCulture, out var ticks) && long.TryParse(parts[2], CultureInfo.InvariantCulture, out var id)
            ? (ticks, id)
            : null;
    }

    // "generation.kind.sequence"; -1 when expired or malformed.
    private long ReadSequence(string token, out bool initial)
    {
        var parts = token.Split('.');
        initial = parts.Length == 3 && parts[1] == "initial";
        return parts.Length == 3 && parts[0] == Generation.ToString(CultureInfo.InvariantCulture)
            && long.TryParse(parts[2], CultureInfo.InvariantCulture, out var sequence)
            ? sequence
            : -1;
    }

    private static async Task<JsonObject?> ReadBody(HttpContext context)
    {
        if (await JsonExchange.ReadObjectAsync(context) is { } body)
        {
            return body;
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
            ["category"] = status switch { 404 => "OBJECT_NOT_FOUND", 410 => "EXPIRED", 412 => "CONFLICT", _ => "VALIDATION_ERROR" },
        });

    private static Task WriteJson(HttpContext context, int status, JsonNode body) => JsonExchange.WriteAsync(context, status, body);
}
