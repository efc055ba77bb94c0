using System;
using System.Buffers;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using CrmSdkGen.Runtime.Webhooks;
using CrmSdkGen.Webhooks.Dispatching;
using CrmSdkGen.Webhooks.Verification;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CrmSdkGen.Webhooks.Receiving;

/// <summary>
/// One delivery: the body read up to the limit (413 past it), its signature checked over the raw bytes (401, or 400
/// when the header is unreadable), its events stored in the inbox, and only then 200. Nothing of the body, the
/// headers or the secret is logged.
/// </summary>
internal static class WebhookReceiver
{
    // An event id is the sender's text: it is stored, logged and used as a key, so it is bounded and printable.
    private const int MaxIdLength = 256;

    public static async Task ReceiveAsync(HttpContext context, string sourceName, CrmWebhookOptions options)
    {
        var logger = context.RequestServices.GetService<ILoggerFactory>()?.CreateLogger("CrmSdkGen.Webhooks") ?? NullLogger.Instance;
        if (!options.Sources.TryGetValue(sourceName, out var source))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (context.Request.ContentLength > options.MaxBodyBytes || await ReadBodyAsync(context, options.MaxBodyBytes).ConfigureAwait(false) is not { } body)
        {
            logger.LogWarning("Refused a {Source} delivery larger than {Limit} bytes.", source.Name, options.MaxBodyBytes);
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        var request = new WebhookRequest(context.Request.Method, AddressOf(context.Request, options), name => context.Request.Headers.TryGetValue(name, out var value) ? value.ToString() : null, body);
        var verification = source.Verifier.Verify(request);
        if (!verification.IsVerified)
        {
            logger.LogWarning("Refused a {Source} delivery: {Reason}.", source.Name, verification.Reason);
            context.Response.StatusCode = verification.Status == WebhookVerificationStatus.Malformed ? StatusCodes.Status400BadRequest : StatusCodes.Status401Unauthorized;
            return;
        }

        if (source.Split(request) is not { Count: > 0 } payloads || payloads.Any(payload => payload.Id.Length > MaxIdLength || payload.Id.Any(char.IsControl)))
        {
            logger.LogWarning("Refused a signed {Source} delivery whose body is not in the sender's shape.", source.Name);
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var now = DateTimeOffset.UtcNow;
        var inbox = context.RequestServices.GetRequiredService<IWebhookInbox>();
        var added = await inbox.AddAsync(payloads.Select(payload => new WebhookEvent(source.Name, payload.Id, payload.Body, now)).ToList(), context.RequestAborted).ConfigureAwait(false);
        logger.LogInformation("Accepted a {Source} delivery: {Events} events, {New} new.", source.Name, payloads.Count, added);
        context.RequestServices.GetService<WebhookDispatcher>()?.Wake();
        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    // The URI as the sender called it: the configured public address with the request's path and query, or the request's own.
    private static Uri AddressOf(HttpRequest request, CrmWebhookOptions options) =>
        options.PublicBaseAddress is { } address
            ? new Uri(address, request.PathBase.Add(request.Path).ToUriComponent().TrimStart('/') + request.QueryString.ToUriComponent())
            : new Uri(request.GetEncodedUrl());

    private static async Task<byte[]?> ReadBodyAsync(HttpContext context, long limit)
    {
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }
}
