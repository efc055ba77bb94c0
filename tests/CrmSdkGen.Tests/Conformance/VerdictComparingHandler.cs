using CrmSdkGen.Testing.Fakes;

namespace CrmSdkGen.Tests.Conformance;

/// <summary>
/// Sends each request to the spec's fake in process and then to Prism, and keeps every request on which the two judge
/// differently (one finds it conforms to the spec, the other does not); the caller gets Prism's answer.
/// </summary>
internal sealed class VerdictComparingHandler(PrismServer prism, FakeApi fake) : DelegatingHandler
{
    private readonly HttpMessageInvoker _fake = new(fake.CreateHandler());

    /// <summary>Each request judged differently: the operation the fake matched it to, and what each judge said.</summary>
    public List<(string? OperationId, string Text)> Disagreements { get; } = new();

    public int Compared { get; private set; }

    public int Refused { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        using (var copy = new HttpRequestMessage(request.Method, request.RequestUri))
        {
            foreach (var header in request.Headers)
            {
                copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            if (body is not null)
            {
                copy.Content = new ByteArrayContent(body);
                foreach (var header in request.Content!.Headers)
                {
                    copy.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
            }

            (await _fake.SendAsync(copy, cancellationToken)).Dispose();
        }

        var call = fake.Calls[^1];
        var before = prism.RequestsReceived;
        var response = await base.SendAsync(request, cancellationToken);
        var prismPassed = await prism.PassedValidationAsync(before);
        var fakePassed = call.Violations.Count == 0;
        Compared++;
        Refused += fakePassed ? 0 : 1;
        if (prismPassed != fakePassed)
        {
            var violations = prism.TakeViolations();
            Disagreements.Add((call.OperationId, $"{request.Method} {request.RequestUri?.PathAndQuery}: Prism {(prismPassed ? "accepts" : "refuses")} it{(prismPassed ? string.Empty : $" ({violations})")}, the fake {(fakePassed ? "accepts" : "refuses")} it{(fakePassed ? string.Empty : $" ({string.Join("; ", call.Violations)})")}"));
        }

        return response;
    }

    protected override void Dispose(bool disposing)
    {
        _fake.Dispose();
        base.Dispose(disposing);
    }
}
