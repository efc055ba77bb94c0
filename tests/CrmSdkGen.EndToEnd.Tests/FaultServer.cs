using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace CrmSdkGen.EndToEnd.Tests;

/// <summary>
/// A contacts server on 127.0.0.1 that misbehaves on purpose. The first path segment names the scenario (and makes
/// each test's counters its own): "/ratelimited-1/v1/contacts/c1" answers 429 once, then the contact.
/// </summary>
public sealed class FaultServer : IAsyncLifetime
{
    private const string Contact = """{"id":"c1","email":"ada@example.com","createdAt":"2024-01-02T03:04:05Z","updatedAt":"2024-01-02T03:04:05Z","archived":false}""";
    private readonly ConcurrentDictionary<string, int> _attempts = new();
    private readonly ConcurrentQueue<(string Scenario, string? IdempotencyKey)> _keys = new();
    private readonly ConcurrentDictionary<string, int> _issued = new();
    private readonly ConcurrentQueue<(string Client, string RefreshToken)> _refreshTokensReceived = new();
    private WebApplication _app = null!;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The base address of a scenario, unique per call so that counters do not mix.</summary>
    public Uri Scenario(string name) => new(BaseAddress, $"{name}-{Guid.NewGuid():N}/v1/");

    public IReadOnlyList<string> RefreshTokensReceived(string clientId) =>
        _refreshTokensReceived.Where(entry => entry.Client == clientId).Select(entry => entry.RefreshToken).ToList();

    public int Attempts(Uri scenario) => _attempts.TryGetValue(ScenarioKey(scenario), out var count) ? count : 0;

    public IReadOnlyList<string?> IdempotencyKeys(Uri scenario) =>
        _keys.Where(entry => entry.Scenario == ScenarioKey(scenario)).Select(entry => entry.IdempotencyKey).ToList();

    public async Task InitializeAsync()
    {
        (_app, BaseAddress) = await Quickstart.LoopbackHost.StartAsync(app =>
        {
            app.MapPost("/token", async (HttpContext context) =>
            {
                var form = await context.Request.ReadFormAsync();
                var client = form["client_id"].ToString();
                var issued = _issued.AddOrUpdate(client, 1, (_, count) => count + 1);
                if (form["grant_type"] == "refresh_token")
                {
                    _refreshTokensReceived.Enqueue((client, form["refresh_token"].ToString()));
                    return Results.Json(new { access_token = $"{client}-token-{issued}", expires_in = 3600, refresh_token = $"rotated-{issued}" });
                }

                return Results.Json(new { access_token = $"{client}-token-{issued}", token_type = "Bearer", expires_in = 3600 });
            });
            app.MapMethods("/{scenario}/v1/contacts/{**rest}", ["GET", "POST"], Handle);
            app.MapMethods("/{scenario}/v1/contacts", ["GET", "POST"], Handle);
        });
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static string ScenarioKey(Uri scenario) => scenario.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries)[0];

    private async Task Handle(HttpContext context, string scenario)
    {
        var attempt = _attempts.AddOrUpdate(scenario, 1, (_, count) => count + 1);
        _keys.Enqueue((scenario, context.Request.Headers["Idempotency-Key"].FirstOrDefault()));
        var kind = scenario[..scenario.LastIndexOf('-')];
        switch (kind)
        {
            case "ratelimited" when attempt == 1:
                context.Response.StatusCode = 429;
                context.Response.Headers.RetryAfter = "1";
                return;
            case "ratedate" when attempt == 1:
                context.Response.StatusCode = 429;
                context.Response.Headers.RetryAfter = DateTimeOffset.UtcNow.AddSeconds(2).ToString("R");
                return;
            case "ratereset" when attempt == 1:
                context.Response.StatusCode = 429;
                context.Response.Headers["X-RateLimit-Reset"] = "1";
                return;
            case "toolong":
                context.Response.StatusCode = 429;
                context.Response.Headers.RetryAfter = "3600";
                return;
            case "unavailable" when attempt <= 2:
            case "down" when context.Request.Method == "POST":
                context.Response.StatusCode = 503;
                await context.Response.WriteAsync("maintenance");
                return;
            case "reset" when attempt == 1:
                context.Response.ContentType = "application/json";
                context.Response.ContentLength = 500;
                await context.Response.WriteAsync(Contact[..20]);
                await context.Response.Body.FlushAsync();
                context.Features.Get<IHttpResetFeature>()?.Reset(0);
                context.Abort();
                return;
            case "slow" when attempt == 1:
            case "hang":
                await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted).ContinueWith(_ => { });
                return;
            case "badjson":
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(Contact[..30]);
                return;
            case "auth" when !context.Request.Headers.Authorization.ToString().EndsWith("-token-2", StringComparison.Ordinal):
                context.Response.StatusCode = 401;
                return;
            case "baddata":
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(Contact.Replace("ada@example.com", "not-an-email", StringComparison.Ordinal));
                return;
            case "headers":
                context.Response.Headers["X-RateLimit-Remaining"] = "42";
                break;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(Contact);
    }
}
