using System.Text.Json;
using System.Text.Json.Nodes;
using CrmSdkGen.Runtime;
using CrmSdkGen.Runtime.Http;
using CrmSdkGen.Runtime.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CrmSdkGen.EndToEnd.Tests;

/// <summary>A server on 127.0.0.1 that answers every request with what it received: method, path, query, headers.</summary>
public sealed class EchoServer : IAsyncLifetime
{
    private WebApplication _app = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        (_app, BaseAddress) = await Quickstart.LoopbackHost.StartAsync(app => app.Run(async context =>
        {
            var headers = new JsonObject();
            foreach (var header in context.Request.Headers)
            {
                headers[header.Key.ToLowerInvariant()] = header.Value.ToString();
            }

            using var reader = new StreamReader(context.Request.Body);
            var echo = new JsonObject
            {
                ["body"] = await reader.ReadToEndAsync(),
                ["method"] = context.Request.Method,
                ["path"] = context.Request.Path.Value,
                ["query"] = context.Request.QueryString.Value,
                ["headers"] = headers,
            };
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(echo.ToJsonString());
        }));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    /// <summary>Sends <paramref name="request"/> through the runtime with <paramref name="options"/> and returns what the server received.</summary>
    public async Task<JsonElement> SendAsync(ApiRequest request, ApiClientOptions? options = null)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress };
        var core = new ApiClientCore(http, options ?? new ApiClientOptions(), null);
        return await core.SendForJsonAsync(request, JsonCodecs.Element, ApiErrorMap.None, allowEmpty: false, CancellationToken.None);
    }
}
