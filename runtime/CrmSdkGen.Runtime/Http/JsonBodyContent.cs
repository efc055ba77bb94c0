using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using CrmSdkGen.Runtime.Json;

namespace CrmSdkGen.Runtime.Http;

/// <summary>
/// A JSON body written straight to the request stream when it is sent, and again on a retry, instead of being kept
/// as a byte array for the life of the request.
/// </summary>
internal sealed class JsonBodyContent<T> : HttpContent
{
    private readonly T _value;
    private readonly JsonCodec<T> _codec;
    private readonly bool _changesOnly;

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
        try
        {
            json = JsonWriting.WriteRequest(_value, _codec, _changesOnly);
        }
        catch (Exception exception)
        {
            throw new RequestBodyException(exception);
        }

        using (json)
        {
            await stream.WriteAsync(json.Written, cancellationToken).ConfigureAwait(false);
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
