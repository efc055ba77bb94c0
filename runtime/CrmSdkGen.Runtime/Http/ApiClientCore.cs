using System;
using System.Buffers;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CrmSdkGen.Runtime.Auth;
using CrmSdkGen.Runtime.Diagnostics;
using CrmSdkGen.Runtime.Json;
using CrmSdkGen.Runtime.Resilience;
using CrmSdkGen.Runtime.Validation;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Timeout;

namespace CrmSdkGen.Runtime.Http;

/// <summary>Sends the requests of one generated client through the caller's HttpClient; shared by its sub-clients.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ApiClientCore
{
    private readonly HttpClient _httpClient;
    private readonly ApiClientOptions _options;
    private readonly string? _specServerUrl;
    private readonly ILogger? _logger;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly ValidationEnforcer _validation;

    /// <summary>Creates the core of a generated client.</summary>
    /// <param name="httpClient">The caller's client; its BaseAddress wins over every other base address.</param>
    /// <param name="options">The client's options.</param>
    /// <param name="specServerUrl">The first server of the spec, used when neither the HttpClient nor the options set a base address.</param>
    public ApiClientCore(HttpClient httpClient, ApiClientOptions options, string? specServerUrl)
    {
        _httpClient = httpClient ?? throw new ArgumentNullException(nameof(httpClient));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _specServerUrl = specServerUrl;
        _logger = options.LoggerFactory?.CreateLogger("CrmSdkGen.ApiClient");
        _pipeline = ApiPipeline.Build(options, _logger);
        _validation = new ValidationEnforcer(options, _logger);
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
        return new ApiResponse((int)response.StatusCode, CollectHeaders(response));
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
        return await ReadJsonAsync(request, response, codec, allowEmpty, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Like <see cref="SendForJsonAsync{T}"/>, and returns the status and headers with the value.</summary>
    public async Task<ApiResponse<T>> SendForJsonWithResponseAsync<T>(ApiRequest request, JsonCodec<T> codec, ApiErrorMap errors, bool allowEmpty, CancellationToken cancellationToken)
    {
        using var response = await SendCheckedAsync(request, errors, cancellationToken).ConfigureAwait(false);
        var value = await ReadJsonAsync(request, response, codec, allowEmpty, cancellationToken).ConfigureAwait(false);
        return new ApiResponse<T>((int)response.StatusCode, CollectHeaders(response), value);
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
        return new ApiResponse<string>((int)response.StatusCode, CollectHeaders(response), text);
    }

    /// <summary>Sends a request and returns its success body as a seekable stream that the caller disposes.</summary>
    public async Task<Stream> SendForStreamAsync(ApiRequest request, ApiErrorMap errors, CancellationToken cancellationToken)
    {
        using var response = await SendCheckedAsync(request, errors, cancellationToken).ConfigureAwait(false);
        return await CopyBodyAsync(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Like <see cref="SendForStreamAsync"/>, and returns the status and headers with the stream.</summary>
    public async Task<ApiResponse<Stream>> SendForStreamWithResponseAsync(ApiRequest request, ApiErrorMap errors, CancellationToken cancellationToken)
    {
        using var response = await SendCheckedAsync(request, errors, cancellationToken).ConfigureAwait(false);
        var body = await CopyBodyAsync(response, cancellationToken).ConfigureAwait(false);
        return new ApiResponse<Stream>((int)response.StatusCode, CollectHeaders(response), body);
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

    private static async Task<Stream> CopyBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        await response.Content.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        buffer.Position = 0;
        return buffer;
    }

    private async Task<T> ReadJsonAsync<T>(ApiRequest request, HttpResponseMessage response, JsonCodec<T> codec, bool allowEmpty, CancellationToken cancellationToken)
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

    private async Task<HttpResponseMessage> SendCheckedAsync(ApiRequest request, ApiErrorMap errors, CancellationToken cancellationToken)
    {
        var response = await SendResilientAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            throw errors.Create((int)response.StatusCode, response.ReasonPhrase, request.Method, request.PathTemplate, CollectHeaders(response), body, DecodeText(body));
        }
    }

    private async Task<HttpResponseMessage> SendResilientAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var credentials = CredentialSelector.Select(_options, request);
        foreach (var (scheme, credential) in credentials)
        {
            if (credential is ApiKeyCredential key)
            {
                switch (scheme.Kind)
                {
                    case SecuritySchemeKind.ApiKeyQuery:
                        request.AddQueryParameter(scheme.ParameterName!, key.Key);
                        break;
                    case SecuritySchemeKind.ApiKeyCookie:
                        request.AddCookie(scheme.ParameterName!, key.Key);
                        break;
                }
            }
        }

        var hasKey = request.HasHeader(_options.IdempotencyKeyHeader);
        if (!hasKey && !RetryRules.IsIdempotent(request.Method) && (ApiCallContext.IdempotencyKey ?? (_options.AddIdempotencyKeys ? Guid.NewGuid().ToString("N") : null)) is { } idempotencyKey)
        {
            request.AddHeader(_options.IdempotencyKeyHeader, idempotencyKey);
            hasKey = true;
        }

        if (_options.Validation.Requests != ValidationMode.Off && request.BodyValue is IValidatable body)
        {
            _validation.Enforce("request", request, ValidationContext.Validate(body, _options.Validation, correct: true), _options.Validation.Requests);
        }

        var call = new ApiCall(request, credentials, hasKey);
        using var activity = ApiActivitySource.Source.HasListeners()
            ? ApiActivitySource.Source.StartActivity(request.Method.Method + " " + request.PathTemplate, ActivityKind.Client)
            : null;
        activity?.SetTag("http.request.method", request.Method.Method);
        activity?.SetTag("url.template", request.PathTemplate);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(ApiPipeline.CallKey, call);
        try
        {
            var response = await _pipeline.ExecuteAsync(static (context, state) => state.Core.AttemptAsync(state.Call, context.CancellationToken), context, (Core: this, Call: call)).ConfigureAwait(false);
            activity?.SetTag("http.response.status_code", (int)response.StatusCode);
            activity?.SetTag("crmsdkgen.attempts", call.Attempts);
            activity?.SetStatus(response.IsSuccessStatusCode ? ActivityStatusCode.Ok : ActivityStatusCode.Error);
            return response;
        }
        catch (Exception exception)
        {
            activity?.SetTag("crmsdkgen.attempts", call.Attempts);
            activity?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
            if ((exception as RequestBodyException ?? exception.InnerException as RequestBodyException)?.InnerException is { } bodyFailure)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(bodyFailure);
            }

            if (exception is TimeoutRejectedException timeout)
            {
                throw new TimeoutException($"{request.Method} {request.PathTemplate} did not complete within {timeout.Timeout.TotalSeconds:0.###} s (attempts: {call.Attempts}).", timeout);
            }

            throw;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
            request.Content?.Dispose();
        }
    }

    private async ValueTask<HttpResponseMessage> AttemptAsync(ApiCall call, CancellationToken cancellationToken)
    {
        call.Attempts++;
        var response = await SendOnceAsync(call, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Unauthorized && !call.TokenRefreshed && RejectToken(call))
        {
            call.TokenRefreshed = true;
            response.Dispose();
            if (_logger is not null)
            {
                ApiLog.CredentialRejected(_logger, call.Request.Method.Method, call.Request.PathTemplate);
            }

            response = await SendOnceAsync(call, cancellationToken).ConfigureAwait(false);
        }

        return response;
    }

    private async Task<HttpResponseMessage> SendOnceAsync(ApiCall call, CancellationToken cancellationToken)
    {
        var request = call.Request;
        var message = new HttpRequestMessage(request.Method, RequestAddress.Of(request, _httpClient.BaseAddress ?? _options.BaseAddress, _specServerUrl)) { Content = request.Content };
        var started = Stopwatch.GetTimestamp();
        try
        {
            request.ApplyHeaders(message);
            foreach (var (scheme, credential) in call.Credentials)
            {
                switch (credential)
                {
                    case ApiKeyCredential key when scheme.Kind == SecuritySchemeKind.ApiKeyHeader:
                        message.Headers.TryAddWithoutValidation(scheme.ParameterName!, key.Key);
                        break;
                    case BearerTokenCredential bearer:
                        var token = await bearer.GetTokenAsync(cancellationToken).ConfigureAwait(false);
                        call.LastToken = token;
                        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                        break;
                    case BasicCredential basic:
                        message.Headers.Authorization = new AuthenticationHeaderValue("Basic", basic.EncodedValue);
                        break;
                }
            }

            request.Observer?.OnSending(request.Operation, message);
            var response = await _httpClient.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            request.Observer?.OnReceived(request.Operation, response);
            if (_logger is not null)
            {
                ApiLog.Response(_logger, request.Method.Method, request.PathTemplate, (int)response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds, call.Attempts);
            }

            return response;
        }
        catch (Exception exception) when (_logger is not null)
        {
            ApiLog.AttemptFailed(_logger, request.Method.Method, request.PathTemplate, Stopwatch.GetElapsedTime(started).TotalMilliseconds, call.Attempts, exception.GetType().Name, SafeMessage(exception));
            throw;
        }
        finally
        {
            // The body is the request's, not the attempt's: a retry sends it again.
            message.Content = null;
            message.Dispose();
        }
    }

    // Exception texts of the HTTP stack name hosts and errors, never queries or headers; anything else is reduced to its type.
    private static string SafeMessage(Exception exception) => exception switch
    {
        HttpRequestException http => http.HttpRequestError.ToString(),
        OperationCanceledException => "cancelled or timed out",
        IOException => "connection lost",
        _ => string.Empty,
    };

    private static bool RejectToken(ApiCall call)
    {
        var rejected = false;
        foreach (var (_, credential) in call.Credentials)
        {
            if (credential is BearerTokenCredential { CanRefresh: true } refreshable && call.LastToken is { } token)
            {
                refreshable.Reject(token);
                rejected = true;
            }
        }

        return rejected;
    }

    private static ApiException CreateException(ApiRequest request, HttpResponseMessage response, ReadOnlySpan<byte> body, string detail, Exception? inner) =>
        new((int)response.StatusCode, response.ReasonPhrase, request.Method, request.PathTemplate, CollectHeaders(response), DecodeText(body), detail, inner);

    private static string DecodeText(ReadOnlySpan<byte> body) => Encoding.UTF8.GetString(body);

    private static IReadOnlyDictionary<string, IReadOnlyList<string>> CollectHeaders(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in response.Headers.Concat(response.Content.Headers))
        {
            headers[header.Key] = header.Value.ToArray();
        }

        return headers;
    }
}
