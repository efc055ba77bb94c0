using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CrmSdkGen.Testing.Fakes;

/// <summary>
/// A <see cref="FakeApi"/> served by ASP.NET Core on a free port of 127.0.0.1, for code that needs a real address: other
/// processes, tools such as newman, or clients whose handler cannot be replaced.
/// </summary>
public sealed class FakeApiServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeApiServer(WebApplication app, FakeApi api, Uri baseAddress)
    {
        _app = app;
        Api = api;
        BaseAddress = baseAddress;
    }

    /// <summary>The fake it serves: overrides, faults and recorded calls.</summary>
    public FakeApi Api { get; }

    /// <summary>The address to send to: the server's root and the spec's base path, with a trailing slash.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Starts serving <paramref name="api"/>.</summary>
    public static async Task<FakeApiServer> StartAsync(FakeApi api, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(api);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var invoker = new HttpMessageInvoker(api.CreateHandler());
        app.Run(context => ServeAsync(context, invoker));
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var root = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return new FakeApiServer(app, api, new Uri(root + api.BasePath + "/"));
    }

    /// <summary>An <c>HttpClient</c> with <see cref="BaseAddress"/> set.</summary>
    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress };

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await _app.DisposeAsync().ConfigureAwait(false);

    private static async Task ServeAsync(HttpContext context, HttpMessageInvoker invoker)
    {
        var incoming = context.Request;
        using var request = new HttpRequestMessage(new HttpMethod(incoming.Method), new Uri(incoming.Scheme + "://" + incoming.Host + incoming.PathBase + incoming.Path + incoming.QueryString));
        var body = new System.IO.MemoryStream();
        await incoming.Body.CopyToAsync(body, context.RequestAborted).ConfigureAwait(false);
        if (body.Length > 0 || incoming.ContentType is not null)
        {
            request.Content = new ByteArrayContent(body.ToArray());
        }

        foreach (var header in incoming.Headers)
        {
            if (!request.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray()))
            {
                request.Content?.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray());
            }
        }

        HttpResponseMessage response;
        try
        {
            response = await invoker.SendAsync(request, context.RequestAborted).ConfigureAwait(false);
        }
        catch (HttpRequestException)
        {
            context.Abort();
            return;
        }
        catch (OperationCanceledException)
        {
            return;
        }

        using (response)
        {
            context.Response.StatusCode = (int)response.StatusCode;
            foreach (var header in response.Headers.Concat(response.Content.Headers))
            {
                context.Response.Headers[header.Key] = header.Value.ToArray();
            }

            context.Response.Headers.Remove("Content-Length");
            await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
        }
    }
}
