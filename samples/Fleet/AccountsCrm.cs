using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Quickstart;

namespace FleetSample;

/// <summary>
/// The local CRM in multi-account mode (specs/acme/acme-crm-accounts.yaml) on 127.0.0.1: each account has its own API
/// key, its own contacts and companies, and its own rate limit counted here, on the server (429 with Retry-After past
/// it). On demand it misbehaves as CRMs do: slow pages, and a share of requests answered 503.
/// </summary>
public sealed class AccountsCrm : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, CrmAccount> _byKey = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CrmAccount> _byName = new(StringComparer.Ordinal);
    private WebApplication _app = null!;

    private AccountsCrm()
    {
    }

    /// <summary>The base address clients use, such as http://127.0.0.1:41234/v1/.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>A delay before each page of a listing is sent (real CRMs take tens of milliseconds).</summary>
    public TimeSpan PageDelay { get; set; }

    /// <summary>The share of requests (0 to 1) answered 503 before they are handled.</summary>
    public double UnavailableRate { get; set; }

    public IReadOnlyCollection<CrmAccount> Accounts => _byName.Values.ToList();

    public static async Task<AccountsCrm> StartAsync()
    {
        var crm = new AccountsCrm();
        var (app, address) = await LoopbackHost.StartAsync(crm.Map);
        crm._app = app;
        crm.BaseAddress = new Uri(address, "v1/");
        return crm;
    }

    /// <summary>Adds an account with its key and its limit of <paramref name="limit"/> requests per <paramref name="window"/>.</summary>
    public CrmAccount AddAccount(string name, string apiKey, int limit, TimeSpan window)
    {
        var account = new CrmAccount(name, apiKey, new RequestWindow(limit, window));
        _byName[name] = account;
        _byKey[apiKey] = account;
        return account;
    }

    public CrmAccount Account(string name) => _byName[name];

    /// <summary>Makes the account's key invalid (every request 401), as when a customer uninstalls the app.</summary>
    public void RevokeKey(string name) => _byKey.TryRemove(_byName[name].ApiKey, out _);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private void Map(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (!_byKey.TryGetValue(context.Request.Headers["X-Api-Key"].ToString(), out var account))
            {
                await WriteError(context, 401, "A valid X-Api-Key header is required.");
                return;
            }

            if (!account.Window.Arrive())
            {
                context.Response.Headers.RetryAfter = ((int)Math.Ceiling(account.Window.Window.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await WriteError(context, 429, "You have reached your rate limit.");
                return;
            }

            if (UnavailableRate > 0 && Random.Shared.NextDouble() < UnavailableRate)
            {
                await WriteError(context, 503, "Temporarily unavailable.");
                return;
            }

            context.Items[nameof(CrmAccount)] = account;
            await next();
        });
        app.MapGet("/v1/{collection}", (HttpContext context, string collection) => WithStore(context, collection, store => List(context, store)));
        app.MapPost("/v1/{collection}", (HttpContext context, string collection) => WithStore(context, collection, store => Create(context, store)));
        app.MapGet("/v1/{collection}/{id}", (HttpContext context, string collection, string id) => WithStore(context, collection, store => store.Get(id) is { } found ? WriteJson(context, 200, found) : NotFound(context, id)));
        app.MapPatch("/v1/{collection}/{id}", (HttpContext context, string collection, string id) => WithStore(context, collection, store => Update(context, store, id)));
        app.MapDelete("/v1/{collection}/{id}", (HttpContext context, string collection, string id) => WithStore(context, collection, store =>
        {
            if (!store.Archive(id))
            {
                return NotFound(context, id);
            }

            context.Response.StatusCode = 204;
            return Task.CompletedTask;
        }));
    }

    private static Task WithStore(HttpContext context, string collection, Func<ContactStore, Task> handle) =>
        ((CrmAccount)context.Items[nameof(CrmAccount)]!).Collection(collection) is { } store ? handle(store) : NotFound(context, collection);

    private async Task List(HttpContext context, ContactStore store)
    {
        if (PageDelay > TimeSpan.Zero)
        {
            await Task.Delay(PageDelay, context.RequestAborted);
        }

        var limit = Math.Clamp(int.TryParse(context.Request.Query["limit"], CultureInfo.InvariantCulture, out var asked) ? asked : 20, 1, 100);
        string? after = context.Request.Query["after"];
        string? since = context.Request.Query["updatedSince"];
        List<JsonObject> items;
        string? next;
        if (since is not null)
        {
            if (!DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var instant))
            {
                await WriteError(context, 400, "updatedSince must be an ISO 8601 date-time.");
                return;
            }

            (long, long)? position = null;
            if (after is not null)
            {
                var parts = after.Split('.');
                if (parts.Length != 2 || !long.TryParse(parts[0], CultureInfo.InvariantCulture, out var ticks) || !long.TryParse(parts[1], CultureInfo.InvariantCulture, out var id))
                {
                    await WriteError(context, 400, "The cursor is not one of this listing's.");
                    return;
                }

                position = (ticks, id);
            }

            var (changed, last) = store.ListChangedSince(instant, position, repeatAfter: false, limit);
            items = changed;
            next = last is { } end ? $"{end.Ticks}.{end.Id}" : null;
        }
        else
        {
            var (live, more) = store.ListById(long.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out var cursor) ? cursor : 0, limit, _ => true);
            items = live;
            next = more ? (string)live[^1]["id"]! : null;
        }

        var page = new JsonObject { ["results"] = new JsonArray(items.ToArray<JsonNode>()) };
        if (next is not null)
        {
            page["paging"] = new JsonObject { ["next"] = new JsonObject { ["after"] = next } };
        }

        await WriteJson(context, 200, page);
    }

    private static async Task Create(HttpContext context, ContactStore store)
    {
        if (await ReadBody(context) is { } input)
        {
            await WriteJson(context, 201, store.Create(input, context.Request.Headers["Idempotency-Key"].FirstOrDefault()));
        }
    }

    private static async Task Update(HttpContext context, ContactStore store, string id)
    {
        if (await ReadBody(context) is { } input)
        {
            await (store.Update(id, input) is { } updated ? WriteJson(context, 200, updated) : NotFound(context, id));
        }
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

    private static Task NotFound(HttpContext context, string id) => WriteError(context, 404, $"Nothing has the id '{id}'.");

    private static Task WriteError(HttpContext context, int status, string message) =>
        WriteJson(context, status, new JsonObject { ["status"] = "error", ["message"] = message, ["category"] = status == 429 ? "RATE_LIMITS" : "ERROR" });

    private static Task WriteJson(HttpContext context, int status, JsonNode body) => JsonExchange.WriteAsync(context, status, body);
}
