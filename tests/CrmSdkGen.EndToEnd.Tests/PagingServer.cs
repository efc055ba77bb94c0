using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CrmSdkGen.EndToEnd.Tests;

/// <summary>Seven items served three at a time in each paging pattern of specs/acme/acme-paging.yaml, counting requests per pattern.</summary>
public sealed class PagingServer : IAsyncLifetime
{
    public const int PageSize = 3;
    private const int LastPageStart = 6;
    public static readonly string[] Names = { "ada", "bob", "cy", "dee", "eve", "fay", "gus" };
    private readonly ConcurrentDictionary<string, int> _requests = new();
    private WebApplication _app = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public int Requests(string path) => _requests.TryGetValue(path, out var count) ? count : 0;

    public async Task InitializeAsync()
    {
        (_app, BaseAddress) = await Quickstart.LoopbackHost.StartAsync(app =>
        {
            app.Use(async (context, next) =>
            {
                _requests.AddOrUpdate(context.Request.Path.Value!, 1, (_, count) => count + 1);
                await next(context);
            });
            app.MapGet("/cursor", (int? after) => Page(after ?? 0) is var (items, next)
                ? Results.Json(new { results = items, paging = next is null ? null : new { next = new { after = next.ToString() } } })
                : Results.BadRequest());
            app.MapGet("/offset", (int? offset, int? limit) => Results.Json(new { data = Slice(offset ?? 0, limit ?? PageSize) }));
            app.MapGet("/pages", (int? page) => Results.Json(new { items = Slice(((page ?? 1) - 1) * PageSize, PageSize) }));
            app.MapGet("/odata", (HttpContext context, int? skip) => Page(skip ?? 0) is var (items, next)
                ? Results.Json(new Dictionary<string, object?> { ["value"] = items, ["@odata.nextLink"] = next is null ? null : $"{BaseAddress}odata?skip={next}" })
                : Results.BadRequest());
            app.MapGet("/linked", (HttpContext context, int? page) =>
            {
                var number = page ?? 1;
                if (number * PageSize < Names.Length)
                {
                    context.Response.Headers["Link"] = $"<{BaseAddress}linked?page={number + 1}>; rel=\"next\", <{BaseAddress}linked?page=1>; rel=\"first\"";
                }

                return Results.Json(Slice((number - 1) * PageSize, PageSize));
            });
            app.MapGet("/after-id", (string? starting_after) =>
            {
                var start = starting_after is null ? 0 : Array.IndexOf(Names, starting_after) + 1;
                var (items, next) = Page(start);
                return Results.Json(new { data = items, has_more = next is not null });
            });
            // Like Pipedrive, the last page still names a next start, and a start past the end answers the last page
            // again: only more_items_in_collection says the walk is over.
            app.MapGet("/position", (int? start) => Page(Math.Min(start ?? 0, LastPageStart)) is var (items, next)
                ? Results.Json(new { data = items, additional_data = new { pagination = new { next_start = (start ?? 0) + PageSize, more_items_in_collection = next is not null } } })
                : Results.BadRequest());
        });
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static object[] Slice(int start, int count) =>
        Names.Skip(start).Take(count).Select(name => (object)new { id = name, name = name.ToUpperInvariant() }).ToArray();

    private static (object[] Items, int? Next) Page(int start) =>
        (Slice(start, PageSize), start + PageSize < Names.Length ? start + PageSize : null);
}
