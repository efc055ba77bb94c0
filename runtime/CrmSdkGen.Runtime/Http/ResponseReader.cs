using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CrmSdkGen.Runtime.Json;
using CrmSdkGen.Runtime.Validation;

namespace CrmSdkGen.Runtime.Http;

/// <summary>Reads what a response carries: its JSON body (validated as the options ask), text, a stream, its headers, or the exception of a failure.</summary>
internal sealed class ResponseReader
{
    private readonly ApiClientOptions _options;
    private readonly ValidationEnforcer _validation;

    public ResponseReader(ApiClientOptions options, ValidationEnforcer validation)
    {
        _options = options;
        _validation = validation;
    }

    public async Task<T> ReadJsonAsync<T>(ApiRequest request, HttpResponseMessage response, JsonCodec<T> codec, bool allowEmpty, CancellationToken cancellationToken)
    {
        // The response is already buffered (ResponseContentRead); reading it into a pooled array avoids copying it into a new one.
        using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var length = stream.CanSeek ? (int)(stream.Length - stream.Position) : -1;
        if (length < 0)
        {
            var copied = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            return Parse(request, response, codec, copied, allowEmpty);
        }

        var rented = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
        try
        {
            await stream.ReadExactlyAsync(rented.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
            return Parse(request, response, codec, rented.AsSpan(0, length), allowEmpty);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private T Parse<T>(ApiRequest request, HttpResponseMessage response, JsonCodec<T> codec, ReadOnlySpan<byte> body, bool allowEmpty)
    {
        if (body.Length == 0)
        {
            return allowEmpty ? default! : throw CreateException(request, response, body, "The success response had no body.", null);
        }

        T value;
        try
        {
            value = JsonModel.Parse(body, codec);
        }
        catch (JsonException exception)
        {
            throw CreateException(request, response, body, "The success response could not be read: " + exception.Message, exception);
        }

        if (_options.Validation.Responses != ValidationMode.Off)
        {
            _validation.Response(request, value);
        }

        return value;
    }

    public static async Task<Stream> CopyBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        await response.Content.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        buffer.Position = 0;
        return buffer;
    }

    public static ApiException CreateException(ApiRequest request, HttpResponseMessage response, ReadOnlySpan<byte> body, string detail, Exception? inner) =>
        new((int)response.StatusCode, response.ReasonPhrase, request.Method, request.PathTemplate, CollectHeaders(response), DecodeText(body), detail, inner);

    public static string DecodeText(ReadOnlySpan<byte> body) => Encoding.UTF8.GetString(body);

    public static IReadOnlyDictionary<string, IReadOnlyList<string>> CollectHeaders(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in response.Headers.Concat(response.Content.Headers))
        {
            headers[header.Key] = header.Value.ToArray();
        }

        return headers;
    }
}
