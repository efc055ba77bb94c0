using System.Text.Json;
using CrmSdkGen.Runtime;
using CrmSdkGen.Runtime.Http;
using CrmSdkGen.Runtime.Json;

namespace CrmSdkGen.EndToEnd.Tests;

/// <summary>A body that cannot be written fails the call with the writer's own exception, once, without retries.</summary>
public sealed class RequestBodyFailureTests(EchoServer server) : IClassFixture<EchoServer>
{
    [Fact]
    public async Task The_codec_exception_reaches_the_caller_unwrapped_and_the_request_is_not_retried()
    {
        var codec = new FailingCodec();
        var request = new ApiRequest(HttpMethod.Put, "/things/1");
        request.SetJsonBody("value", codec);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => server.SendAsync(request, new ApiClientOptions()));

        Assert.Equal("The value cannot be written.", error.Message);
        Assert.Equal(1, codec.Writes);
    }

    private sealed class FailingCodec : JsonCodec<string>
    {
        public int Writes { get; private set; }

        public override string Read(ref Utf8JsonReader reader) => throw new NotSupportedException();

        public override void Write(Utf8JsonWriter writer, string value)
        {
            Writes++;
            throw new InvalidOperationException("The value cannot be written.");
        }
    }
}
