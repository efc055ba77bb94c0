using System.Text.Json;
using CrmSdkGen.Runtime.Http;

namespace CrmSdkGen.Tests.Runtime;

public sealed class FormEncodingTests
{
    [Fact]
    public void Objects_nest_with_brackets_and_arrays_repeat_or_index()
    {
        using var json = JsonDocument.Parse("""
            {"amount":2000,"confirm":true,"expand":["customer","invoice"],"metadata":{"order":"6735"},
             "items":[{"price":"p_1","quantity":2}],"description":null,"ids":["a","b"]}
            """);

        var pairs = FormEncoding.Flatten(json.RootElement, ["expand"]).Select(pair => pair.Key + "=" + pair.Value);

        Assert.Equal(
            ["amount=2000", "confirm=true", "expand[0]=customer", "expand[1]=invoice", "metadata[order]=6735", "items[0][price]=p_1", "items[0][quantity]=2", "description=", "ids=a", "ids=b"],
            pairs);
    }

    [Fact]
    public void A_body_that_is_not_an_object_is_refused()
    {
        using var json = JsonDocument.Parse("[1]");

        Assert.Throws<ArgumentException>(() => FormEncoding.Flatten(json.RootElement));
    }
}
