using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace CrmSdkGen.Testing.Fakes;

/// <summary>Turns the fake's answers and faults into HTTP responses.</summary>
internal static class FakeHttp
{
    public static HttpResponseMessage ToMessage(FakeResponse answer, HttpRequestMessage request)
    {
        var message = new HttpResponseMessage((HttpStatusCode)answer.Status) { RequestMessage = request };
        if (answer.Body is not null)
        {
            message.Content = new StringContent(answer.Body.ToJsonString(), Encoding.UTF8, "application/json");
        }
        else if (answer.Text is not null)
        {
            message.Content = new StringContent(answer.Text, Encoding.UTF8, "text/plain");
        }

        foreach (var (name, value) in answer.Headers)
        {
            if (!message.Headers.TryAddWithoutValidation(name, value))
            {
                message.Content ??= new ByteArrayContent(Array.Empty<byte>());
                message.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return message;
    }

    public static async Task<HttpResponseMessage> FailAsync(FakeFault fault, FakeOperation operation, HttpRequestMessage request, Action record, CancellationToken cancellationToken)
    {
        record();
        switch (fault.Kind)
        {
            case FakeFaultKind.Timeout:
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
                throw new OperationCanceledException(cancellationToken);
            case FakeFaultKind.Reset:
                throw new HttpRequestException("The fake API dropped the connection.", new IOException("Connection reset by peer."));
        }

        var answer = fault.Status == 207 ? MultiStatus(operation) : SpecAnswers.Error(operation, fault.Status, fault.Status == 429 ? "Too many requests." : "The server failed.");
        if (fault.RetryAfterHeader is { } retryAfter)
        {
            answer.WithHeader("Retry-After", retryAfter);
        }

        return ToMessage(answer, request);
    }

    // A batch's partial success: its declared 207 answer, else its success answer under 207.
    private static FakeResponse MultiStatus(FakeOperation operation)
    {
        var responses = operation.Operation.Responses;
        if (responses is not null && responses.ContainsKey("207"))
        {
            return SpecAnswers.Error(operation, 207, "Some of the batch failed.");
        }

        var success = SpecAnswers.Success(operation);
        return success.Body is { } body ? FakeResponse.Json(207, body) : FakeResponse.Empty(207);
    }
}
