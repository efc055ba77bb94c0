using System.Net.Http;
using CrmSdkGen.Runtime.Http;

namespace CrmSdkGen.Tests.Runtime;

/// <summary>An API exception's message is safe to log: the vendor's code and message where the body has them, never the body.</summary>
public sealed class ApiExceptionMessageTests
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> NoHeaders = new Dictionary<string, IReadOnlyList<string>>();

    [Theory]
    [InlineData("""{"success":false,"error":"Person not found","error_info":"Please check developers.pipedrive.com","data":{"email":"ada@example.com"}}""", null, "Person not found")]
    [InlineData("""{"status":"error","message":"Property values were not valid","correlationId":"4f1c","category":"VALIDATION_ERROR","context":{"email":["ada@example.com"]}}""", "VALIDATION_ERROR", "Property values were not valid")]
    [InlineData("""{"error":{"code":"resource_missing","message":"No such customer","type":"invalid_request_error","param":"ada@example.com"}}""", "resource_missing", "No such customer")]
    [InlineData("""[{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID","fields":["ada@example.com"]}]""", "INVALID_SESSION_ID", "Session expired or invalid")]
    [InlineData("""{"data":[{"code":"INVALID_DATA","details":{"api_name":"Email","value":"ada@example.com"},"message":"invalid data","status":"error"}]}""", "INVALID_DATA", "invalid data")]
    [InlineData("""{"error":"invalid_grant","error_description":"Token has been expired or revoked.","login_hint":"ada@example.com"}""", null, "Token has been expired or revoked.")]
    public void The_message_names_the_vendor_code_and_message_and_never_the_body(string body, string? code, string message)
    {
        var error = new ApiException(422, "Unprocessable Entity", HttpMethod.Patch, "/persons/{id}", NoHeaders, body);

        Assert.StartsWith("HTTP 422 Unprocessable Entity from PATCH /persons/{id}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(code, error.ErrorCode);
        Assert.Equal(message, error.ErrorMessage);
        if (code is not null)
        {
            Assert.Contains("[" + code + "]", error.Message, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("ada@example.com", error.Message, StringComparison.Ordinal);
        Assert.Contains("ada@example.com", error.RawBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<html><body>Bad gateway for ada@example.com</body></html>")]
    [InlineData("""{"email":"ada@example.com","phone":"+1 555 0100"}""")]
    [InlineData("ada@example.com")]
    public void A_body_without_an_error_message_stays_out_of_the_message(string body)
    {
        var error = new ApiException(502, "Bad Gateway", HttpMethod.Get, "/persons/{id}", NoHeaders, body);

        Assert.Equal($"HTTP 502 Bad Gateway from GET /persons/{{id}} ({body.Length} characters of body in RawBody).", error.Message);
    }

    [Fact]
    public void A_vendor_message_cannot_forge_log_lines()
    {
        var error = new ApiException(400, "Bad Request", HttpMethod.Post, "/deals", NoHeaders, "{\"error\":\"bad\\r\\n2026-12-01 INFO forged\\u001b[31m\"}");

        Assert.Equal("bad  2026-12-01 INFO forged [31m", error.ErrorMessage);
        Assert.DoesNotContain(error.Message, character => char.IsControl(character));
    }

    [Fact]
    public void An_empty_body_says_so()
    {
        var error = new ApiException(500, null, HttpMethod.Delete, "/persons/{id}", NoHeaders, string.Empty);

        Assert.Equal("HTTP 500 from DELETE /persons/{id} (empty body).", error.Message);
        Assert.False(error.TryGetJsonBody(out _));
    }

    [Fact]
    public void An_undeclared_json_error_body_can_be_read_as_json()
    {
        var error = new ApiException(400, "Bad Request", HttpMethod.Post, "/deals", NoHeaders, """{"success":false,"error":"Owner is invalid","data":{"owner_id":7}}""");

        Assert.True(error.TryGetJsonBody(out var body));
        Assert.Equal(7, body.GetProperty("data").GetProperty("owner_id").GetInt32());
    }

    [Fact]
    public void A_body_that_is_not_json_reads_as_no_json()
    {
        var error = new ApiException(503, null, HttpMethod.Get, "/deals", NoHeaders, "Service Unavailable");

        Assert.False(error.TryGetJsonBody(out _));
    }

    [Fact]
    public void A_success_body_that_could_not_be_read_gives_no_vendor_message_even_when_it_has_a_message_field()
    {
        var error = new ApiException(200, "OK", HttpMethod.Get, "/notes/{id}", NoHeaders, """{"id":1,"message":"Call Ada on +1 555 0100"}""", "The success response could not be read: $.id: expected a string but found a number.");

        Assert.DoesNotContain("+1 555", error.Message, StringComparison.Ordinal);
        Assert.Contains("$.id", error.Message, StringComparison.Ordinal);
        Assert.Null(error.ErrorMessage);
    }
}
