using CrmSdkGen.Runtime.Http;

namespace CrmSdkGen.Tests.Runtime;

public sealed class UriEncodingTests
{
    [Theory]
    [InlineData("abc-DEF_1.2~", "abc-DEF_1.2~")]
    [InlineData("a/b", "a%2Fb")]
    [InlineData("a?b=c", "a%3Fb%3Dc")]
    [InlineData("a#b", "a%23b")]
    [InlineData("100%", "100%25")]
    [InlineData("../etc", "..%2Fetc")]
    [InlineData("a b+c", "a%20b%2Bc")]
    [InlineData("é€😀", "%C3%A9%E2%82%AC%F0%9F%98%80")]
    public void Path_segments_keep_only_unreserved_characters(string value, string encoded) =>
        Assert.Equal(encoded, UriEncoding.EncodePathSegment(value));

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("")]
    public void Dot_segments_and_empty_values_are_refused(string value) =>
        Assert.Throws<ArgumentException>(() => UriEncoding.EncodePathSegment(value));

    [Fact]
    public void Request_path_and_query_are_built_from_the_template()
    {
        var request = new ApiRequest(HttpMethod.Get, "/crm/v3/objects/{objectType}/{id}/associations");
        request.SetPathParameter("objectType", "contacts");
        request.SetPathParameter("id", "a/../b");
        request.AddQueryParameter("limit", "10");
        request.AddQueryParameter("properties", ["email", "first name"], explode: true);
        request.AddQueryParameter("ids", ["1", "2"], explode: false);
        request.AddQueryParameter("skipped", (string?)null);

        Assert.Equal(
            "/crm/v3/objects/contacts/a%2F..%2Fb/associations?limit=10&properties=email&properties=first%20name&ids=1%2C2",
            request.BuildPathAndQuery());
    }

    [Fact]
    public void Structured_query_parameters_use_deepObject_brackets()
    {
        var request = new ApiRequest(HttpMethod.Get, "/v1/charges");
        var created = new Dictionary<string, long> { ["gte"] = 1700000000, ["lt"] = 1800000000 };
        request.AddQueryObject("created", (IDictionary<string, long>)created, new CrmSdkGen.Runtime.Json.DictionaryCodec<long>(CrmSdkGen.Runtime.Json.JsonCodecs.Int64));
        request.AddQueryObject("limit", 3L, CrmSdkGen.Runtime.Json.JsonCodecs.Int64);
        request.AddQueryObject("skipped", default(System.Text.Json.JsonElement), CrmSdkGen.Runtime.Json.JsonCodecs.Element);

        request.AddQueryObject("filter", (IDictionary<string, long>)new Dictionary<string, long> { ["user_id"] = 7 }, new CrmSdkGen.Runtime.Json.DictionaryCodec<long>(CrmSdkGen.Runtime.Json.JsonCodecs.Int64), formExplode: true);

        Assert.Equal("/v1/charges?created%5Bgte%5D=1700000000&created%5Blt%5D=1800000000&limit=3&user_id=7", request.BuildPathAndQuery());
    }

    [Fact]
    public void Label_matrix_and_delimited_styles_follow_OpenAPI()
    {
        var request = new ApiRequest(HttpMethod.Get, "/a/{label}/b/{matrix}/c/{single}");
        request.SetPathParameterEncoded("label", ParameterStyles.Label(["x y", "z"], explode: false));
        request.SetPathParameterEncoded("matrix", ParameterStyles.Matrix("id", ["1", "2"], explode: true));
        request.SetPathParameterEncoded("single", ParameterStyles.Matrix("id", ["1", "2"], explode: false));
        request.AddQueryParameter("space", ["a", "b"], explode: false, separator: " ");
        request.AddQueryParameter("pipe", ["a", "b"], explode: false, separator: "|");

        Assert.Equal("/a/.x%20y,z/b/;id=1;id=2/c/;id=1,2?space=a%20b&pipe=a%7Cb", request.BuildPathAndQuery());
    }

    [Fact]
    public void A_missing_path_parameter_is_reported_by_name()
    {
        var request = new ApiRequest(HttpMethod.Get, "/contacts/{contactId}");

        var error = Assert.Throws<InvalidOperationException>(request.BuildPathAndQuery);

        Assert.Contains("'contactId'", error.Message);
    }
}
