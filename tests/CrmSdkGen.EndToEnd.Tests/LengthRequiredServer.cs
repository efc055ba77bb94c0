using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CrmSdkGen.EndToEnd.Tests;

/// <summary>
/// A server on 127.0.0.1 that answers 411 Length Required to a body without a Content-Length, as some gateways do,
/// 429 to the first requests it is told to refuse, and echoes the body otherwise; it keeps each request's length.
/// </summary>
public sealed class LengthRequiredServer : IDisposable
{
    private readonly WebApplication _app;
    private int _refusals;

    private LengthRequiredServer(WebApplication app, Uri baseAddress, int refusals)
    {
        _app = app;
        BaseAddress = baseAddress;
        _refusals = refusals;
    }

    public Uri BaseAddress { get; }

    /// <summary>The Content-Length of each request, in order (-1 for none).</summary>
    public List<long> Lengths => _lengths.ToList();

    private readonly ConcurrentQueue<long> _lengths = new();

    public static async Task<LengthRequiredServer> StartAsync(int failFirst = 0)
    {
        LengthRequiredServer? server = null;
        var (app, address) = await Quickstart.LoopbackHost.StartAsync(app => app.Run(async context => await server!.HandleAsync(context)));
        server = new LengthRequiredServer(app, address, failFirst);
        return server;
    }

    private async Task HandleAsync(HttpContext context)
    {
        _lengths.Enqueue(context.Request.ContentLength ?? -1);
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        if (context.Request.ContentLength is null && context.Request.Headers.TransferEncoding.Count > 0)
        {
            context.Response.StatusCode = StatusCodes.Status411LengthRequired;
            return;
        }

        if (Interlocked.Decrement(ref _refusals) >= 0)
        {
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.Response.Headers.RetryAfter = "0";
            return;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body);
    }

    public void Dispose() => _app.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
