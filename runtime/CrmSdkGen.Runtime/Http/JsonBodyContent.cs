using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using CrmSdkGen.Runtime.Json;
using CrmSdkGen.Runtime.Resilience;

namespace CrmSdkGen.Runtime.Http;

/// <summary>
/// A JSON body written into a pooled buffer when the request is sent (and again on a retry) instead of being kept as a
/// byte array for the life of the request. The body is whole before its first byte goes out, so it always carries a
/// Content-Length: servers and gateways that refuse chunked bodies (411 Length Required) accept it.
/// </summary>
internal sealed class JsonBodyContent<T> : HttpContent
{
    private readonly T _value;
    private readonly JsonCodec<T> _codec;
    private readonly bool _changesOnly;
    private JsonWriting.LentJson? _written;
    private Exception? _failure;

    /// <param name="value">The body.</param>
    /// <param name="codec">Writes it.</param>
    /// <param name="changesOnly">Whether a change-tracking model writes only what changed (PATCH).</param>
    public JsonBodyContent(T value, JsonCodec<T> codec, bool changesOnly)
    {
        _value = value;
        _codec = codec;
        _changesOnly = changesOnly;
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        JsonWriting.LentJson json;
        if (_written is { } computed)
        {
            json = computed;
            _written = null;
        }
        else
        {
            try
            {
                json = _failure is { } failure ? throw failure : Write();
            }
            catch (Exception exception)
            {
                throw new RequestBodyException(exception);
            }
        }

        using (json)
        {
            await stream.WriteAsync(json.Written, cancellationToken).ConfigureAwait(false);
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        try
        {
            _written ??= Write();
        }
        catch (Exception exception)
        {
            // The failure is raised as a RequestBodyException when the body is sent, without writing it again.
            _failure = exception;
            length = 0;
            return false;
        }

        length = _written.Value.Written.Length;
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && _written is { } computed)
        {
            _written = null;
            computed.Dispose();
        }

        base.Dispose(disposing);
    }

    private JsonWriting.LentJson Write() => JsonWriting.WriteRequest(_value, _codec, _changesOnly);
}
