using Acme.Crm.Models;
using CrmSdkGen.Runtime.Http;
using CrmSdkGen.Runtime.Json;

namespace CrmSdkGen.EndToEnd.Tests;

/// <summary>Form bodies built from generated models, as a real server receives them.</summary>
public sealed class FormBodyTests(EchoServer server) : IClassFixture<EchoServer>
{
    [Fact]
    public async Task Nested_objects_arrays_and_nulls_are_encoded_as_Stripe_reads_them()
    {
        var body = new ContactInput
        {
            Email = "ada@example.com",
            Phone = null,
            Tags = ["vip", "eu"],
            Address = new Address { City = "Paris", Country = "FR" },
            CustomProperties = new Dictionary<string, string> { ["plan tier"] = "gold" },
        };
        var request = new ApiRequest(HttpMethod.Post, "/customers");
        request.SetFormBody(body, ModelCodec<ContactInput>.Instance, ["tags"]);

        var echo = await server.SendAsync(request);

        Assert.Equal("application/x-www-form-urlencoded", echo.GetProperty("headers").GetProperty("content-type").GetString());
        Assert.Equal(
            "email=ada%40example.com&phone=&tags%5B0%5D=vip&tags%5B1%5D=eu&address%5Bcity%5D=Paris&address%5Bcountry%5D=FR&customProperties%5Bplan+tier%5D=gold",
            echo.GetProperty("body").GetString());
    }
}
