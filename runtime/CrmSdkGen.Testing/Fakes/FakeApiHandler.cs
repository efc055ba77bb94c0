using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace CrmSdkGen.Testing.Fakes;

/// <summary>Answers requests in process from a <see cref="FakeApi"/>.</summary>
internal sealed class FakeApiHandler : HttpMessageHandler
{
    private readonly FakeApi _api;

    public FakeApiHandler(FakeApi api) => _api = api;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => _api.SendAsync(request, cancellationToken);
}
