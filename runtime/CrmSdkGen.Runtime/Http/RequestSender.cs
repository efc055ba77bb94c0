using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using CrmSdkGen.Runtime.Auth;
using CrmSdkGen.Runtime.Diagnostics;
using CrmSdkGen.Runtime.Resilience;
using CrmSdkGen.Runtime.Validation;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Timeout;

namespace CrmSdkGen.Runtime.Http;

/// <summary>
/// Sends one request through the resilience pipeline: credentials chosen once, then every attempt a new message with
/// the credentials applied to it, a 401 answered by renewing a credential that can, logs and the activity per call.
/// </summary>
internal sealed class RequestSender
{
    private readonly HttpClient _httpClient;
    private readonly ApiClientOptions _options;
    private readonly string? _specServerUrl;
    private readonly ILogger? _logger;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly ValidationEnforcer _validation;

    public RequestSender(HttpClient httpClient, ApiClientOptions options, string? specServerUrl, ILogger? logger, ValidationEnforcer validation)
    {
        _httpClient = httpClient;
        _options = options;
        _specServerUrl = specServerUrl;
        _logger = logger;
        _pipeline = ApiPipeline.Build(new PipelineSettings(options.Retry, options.Timeout, options.AttemptTimeout, options.RateLimiter, options.TimeProvider), logger);
        _validation = validation;
    }

    public async Task<HttpResponseMessage> SendAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var credentials = CredentialSelector.Select(_options, request);
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
            var response = await _pipeline.ExecuteAsync(static (context, state) => state.Sender.AttemptAsync(state.Call, context.CancellationToken), context, (Sender: this, Call: call)).ConfigureAwait(false);
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
        if (response.StatusCode == HttpStatusCode.Unauthorized && !call.TokenRefreshed && Renew(call))
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
                await credential.ApplyAsync(message, scheme, cancellationToken).ConfigureAwait(false);
            }

            call.LastAttempt = message;

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

    // The attempt is disposed by now, but its headers (the token a 401 rejects) are still there to read.
    private static bool Renew(ApiCall call)
    {
        var renewed = false;
        foreach (var (_, credential) in call.Credentials)
        {
            if (credential is IRenewableCredential renewable && call.LastAttempt is { } rejected)
            {
                renewed |= renewable.Renew(rejected);
            }
        }

        return renewed;
    }
}
