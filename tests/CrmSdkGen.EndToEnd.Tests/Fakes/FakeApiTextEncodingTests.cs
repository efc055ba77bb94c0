using System.Net;
using System.Text;
using CrmSdkGen.Testing.Fakes;

namespace CrmSdkGen.EndToEnd.Tests.Fakes;

/// <summary>The fake takes numbers and booleans marked as sent as text (HubSpot's property values) in their text form only when it is one.</summary>
public sealed class FakeApiTextEncodingTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: { title: Portal, version: '1' }
        paths:
          /contacts:
            post:
              operationId: createContact
              requestBody:
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        seats: { type: integer, minimum: 1, nullable: true, x-crmsdkgen-encoding: string }
                        value: { type: number, format: decimal, nullable: true, x-crmsdkgen-encoding: string }
                        vip: { type: boolean, nullable: true, x-crmsdkgen-encoding: string }
              responses: { '201': { description: Created. } }
        """;

    [Fact]
    public async Task Text_of_the_right_kind_is_accepted_and_other_text_refused_naming_the_value()
    {
        var fake = FakeApi.FromText(Spec);
        using var http = fake.CreateClient();

        var accepted = await http.PostAsync("contacts", Json("""{"seats": "25", "value": "1250.50", "vip": "true"}"""));
        var empty = await http.PostAsync("contacts", Json("""{"seats": "", "value": "", "vip": ""}"""));
        var refused = await http.PostAsync("contacts", Json("""{"seats": "2.5", "value": "lots", "vip": "yes"}"""));
        var below = await http.PostAsync("contacts", Json("""{"seats": "0"}"""));

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (accepted.StatusCode, empty.StatusCode));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal(
            ["body/seats: \"2.5\" is not the text of an integer", "body/value: \"lots\" is not the text of a number", "body/vip: \"yes\" is not the text of a boolean"],
            fake.Calls[2].Violations);
        Assert.Equal(["body/seats: 0 is below the minimum"], fake.Calls[3].Violations);
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");
}
