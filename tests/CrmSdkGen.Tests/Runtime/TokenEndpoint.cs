using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CrmSdkGen.Tests.Runtime;

/// <summary>An OAuth2 token endpoint on 127.0.0.1 that keeps every grant it receives and answers as the test says.</summary>
internal sealed class TokenEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TokenEndpoint(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public ConcurrentQueue<(Dictionary<string, string> Form, string Accept, string Client)> Grants { get; } = new();

    public Func<int, (int Status, string Body)> Answer { get; set; } = count => (200, $$"""{"access_token":"token-{{count}}","expires_in":3600}""");

    public static async Task<TokenEndpoint> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        TokenEndpoint? endpoint = null;
        app.MapPost("/token", async context =>
        {
            var form = (await context.Request.ReadFormAsync()).ToDictionary(pair => pair.Key, pair => pair.Value.ToString());
            endpoint!.Grants.Enqueue((form, context.Request.Headers.Accept.ToString(), context.Request.Headers["X-Token-Client"].ToString()));
            var (status, body) = endpoint.Answer(endpoint.Grants.Count);
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(body);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        endpoint = new TokenEndpoint(app, new Uri(address.TrimEnd('/') + "/token"));
        return endpoint;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
