using System.Text;
using Acme.Crm.Models;
using CrmSdkGen.Runtime;
using CrmSdkGen.Runtime.Http;
using CrmSdkGen.Runtime.Json;

namespace CrmSdkGen.EndToEnd.Tests;

/// <summary>JSON bodies carry a Content-Length, never Transfer-Encoding: chunked, which some servers and gateways refuse.</summary>
public sealed class RequestBodyLengthTests(EchoServer echo) : IClassFixture<EchoServer>
{
    [Theory]
    [InlineData("POST", 1)]
    [InlineData("PATCH", 1)]
    [InlineData("PUT", 20_000)]
    public async Task A_JSON_body_is_sent_with_its_length_and_not_chunked(string method, int tags)
    {
        var input = new ContactInput { Email = "ada@example.com", Tags = Enumerable.Range(0, tags).Select(i => "tag-" + i).ToList() };
        var request = new ApiRequest(new HttpMethod(method), "/contacts");
        request.SetJsonBody(input, ModelCodec<ContactInput>.Instance);

        var received = await echo.SendAsync(request);

        var body = received.GetProperty("body").GetString()!;
        var headers = received.GetProperty("headers");
        Assert.Equal(JsonModel.ToJson(input), body);
        Assert.Equal(Encoding.UTF8.GetByteCount(body).ToString(System.Globalization.CultureInfo.InvariantCulture), headers.GetProperty("content-length").GetString());
        Assert.False(headers.TryGetProperty("transfer-encoding", out _), "The body was sent chunked.");
    }

    [Fact]
    public async Task A_retried_body_is_sent_whole_with_its_length_each_time()
    {
        using var refusing = await LengthRequiredServer.StartAsync(failFirst: 2);
        using var http = new HttpClient { BaseAddress = refusing.BaseAddress };
        var core = new ApiClientCore(http, new ApiClientOptions { Retry = { BaseDelay = TimeSpan.Zero } }, null);
        var request = new ApiRequest(HttpMethod.Post, "/contacts");
        request.SetJsonBody(new ContactInput { Email = "ada@example.com" }, ModelCodec<ContactInput>.Instance);

        var answer = await core.SendForStringAsync(request, ApiErrorMap.None, CancellationToken.None);

        Assert.Equal("""{"email":"ada@example.com"}""", answer);
        Assert.Equal(new[] { 27L, 27L, 27L }, refusing.Lengths);
    }
}
