using System;
using System.ComponentModel;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using CrmSdkGen.Runtime.Auth;
using CrmSdkGen.Runtime.Json;

namespace CrmSdkGen.Runtime.Http;

/// <summary>Sends the requests of one generated client through the caller's HttpClient; shared by its sub-clients.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ApiClientCore
{
    private readonly RequestSender _sender;
    private readonly ResponseReader _reader;

    /// <summary>Creates the core of a generated client.</summary>
    /// <param name="httpClient">The caller's client; its BaseAddress wins over every other base address.</param>
    /// <param name="options">The client's options.</param>
    /// <param name="specServerUrl">The first server of the spec, used when neither the HttpClient nor the options set a base address.</param>
    public ApiClientCore(HttpClient httpClient, ApiClientOptions options, string? specServerUrl)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        var logger = options.LoggerFactory?.CreateLogger("CrmSdkGen.ApiClient");
        var validation = new ValidationEnforcer(options, logger);
        _sender = new RequestSender(httpClient, options, specServerUrl, logger, validation);
        _reader = new ResponseReader(options, validation);
    }

    /// <summary>Sends a request whose success response has no body the caller needs.</summary>
    public async Task SendAsync(ApiRequest request, ApiErrorMap errors, CancellationToken cancellationToken)
    {
        using var response = await SendCheckedAsync(request, errors, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends a request whose success response has no body the caller needs, and returns its status and headers.</summary>
    public async Task<ApiResponse> SendWithResponseAsync(ApiRequest request, ApiErrorMap errors, CancellationToken cancellationToken)
    {
        using var response = await SendCheckedAsync(request, errors, cancellationToken).ConfigureAwait(false);
        return new ApiResponse((int)response.StatusCode, ResponseReader.CollectHeaders(response));
    }

    /// <summary>Sends a request and reads its JSON success body with <paramref name="codec"/>.</summary>
    /// <param name="request">The request.</param>
    /// <param name="codec">Reads the success body.</param>
    /// <param name="errors">The typed errors of the operation.</param>
    /// <param name="allowEmpty">Whether an empty success body (such as 204) gives <c>default</c> instead of an error.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<T> SendForJsonAsync<T>(ApiRequest request, JsonCodec<T> codec, ApiErrorMap errors, bool allowEmpty, CancellationToken cancellationToken)
    {
        using var response = await SendCheckedAsync(request, errors, cancellationToken).ConfigureAwait(false);
        return await _reader.ReadJsonAsync(request, response, codec, allowEmpty, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Like <see cref="SendForJsonAsync{T}"/>, and returns the status and headers with the value.</summary>
    public async Task<ApiResponse<T>> SendForJsonWithResponseAsync<T>(ApiRequest request, JsonCodec<T> codec, ApiErrorMap errors, bool allowEmpty, CancellationToken cancellationToken)
    {
        using var response = await SendCheckedAsync(request, errors, cancellationToken).ConfigureAwait(false);
        var value = await _reader.ReadJsonAsync(request, response, codec, allowEmpty, cancellationToken).ConfigureAwait(false);
        return new ApiResponse<T>((int)response.StatusCode, ResponseReader.CollectHeaders(response), value);
    }

    /// <summary>Sends a request and returns its success body as text.</summary>
    public async Task<string> SendForStringAsync(ApiRequest request, ApiErrorMap errors, CancellationToken cancellationToken)
    {
        using var response = await SendCheckedAsync(request, errors, cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Like <see cref="SendForStringAsync"/>, and returns the status and headers with the text.</summary>
    public async Task<ApiResponse<string>> SendForStringWithResponseAsync(ApiRequest request, ApiErrorMap errors, CancellationToken cancellationToken)
    {
        using var response = await SendCheckedAsync(request, errors, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return new ApiResponse<string>((int)response.StatusCode, ResponseReader.CollectHeaders(response), text);
    }

    /// <summary>Sends a request and returns its success body as a seekable stream that the caller disposes.</summary>
    public async Task<Stream> SendForStreamAsync(ApiRequest request, ApiErrorMap errors, CancellationToken cancellationToken)
    {
        using var response = await SendCheckedAsync(request, errors, cancellationToken).ConfigureAwait(false);
        return await ResponseReader.CopyBodyAsync(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Like <see cref="SendForStreamAsync"/>, and returns the status and headers with the stream.</summary>
    public async Task<ApiResponse<Stream>> SendForStreamWithResponseAsync(ApiRequest request, ApiErrorMap errors, CancellationToken cancellationToken)
    {
        using var response = await SendCheckedAsync(request, errors, cancellationToken).ConfigureAwait(false);
        var body = await ResponseReader.CopyBodyAsync(response, cancellationToken).ConfigureAwait(false);
        return new ApiResponse<Stream>((int)response.StatusCode, ResponseReader.CollectHeaders(response), body);
    }

    /// <summary>Reads the page a server-sent next link (OData nextLink, a Link header) points to, with the operation's credentials.</summary>
    /// <param name="link">The link, absolute on the API's origin or relative to its base address.</param>
    /// <param name="pathTemplate">The operation's path template, for logs and exceptions.</param>
    /// <param name="security">The operation's security alternatives.</param>
    /// <param name="codec">Reads the page.</param>
    /// <param name="errors">The typed errors of the operation.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<ApiResponse<T>> FollowLinkAsync<T>(string link, string pathTemplate, SecurityScheme[][]? security, JsonCodec<T> codec, ApiErrorMap errors, CancellationToken cancellationToken)
    {
        var request = new ApiRequest(HttpMethod.Get, pathTemplate, security) { Link = link ?? throw new ArgumentNullException(nameof(link)) };
        return SendForJsonWithResponseAsync(request, codec, errors, allowEmpty: false, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendCheckedAsync(ApiRequest request, ApiErrorMap errors, CancellationToken cancellationToken)
    {
        var response = await _sender.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            throw errors.Create((int)response.StatusCode, response.ReasonPhrase, request.Method, request.PathTemplate, ResponseReader.CollectHeaders(response), body, ResponseReader.DecodeText(body));
        }
    }
}
