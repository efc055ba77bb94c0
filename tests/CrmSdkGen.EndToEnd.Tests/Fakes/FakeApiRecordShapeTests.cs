using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CrmSdkGen.Testing.Fakes;

namespace CrmSdkGen.EndToEnd.Tests.Fakes;

/// <summary>A stateful fake of the HubSpot-shaped objects spec: records under a nested 'properties' object and HubSpot's batch shape.</summary>
public sealed class FakeApiRecordShapeTests
{
    private static readonly string ObjectsSpec = Path.Combine(AppContext.BaseDirectory, "specs", "acme-crm-objects-v3.yaml");

    [Fact]
    public async Task Nested_properties_are_merged_by_PATCH_and_by_a_batch_update_and_the_batch_answers_in_its_envelope()
    {
        var fake = FakeApi.Load(ObjectsSpec, new FakeApiOptions { Stateful = true });
        using var http = fake.CreateClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", "token");

        var created = await Send(http, HttpMethod.Post, "crm/v3/objects/contacts", """{"properties": {"email": "ada@example.com", "firstname": "Ada"}}""");
        var id = (string)created["id"]!;
        Assert.False((bool)created["archived"]!);
        await Send(http, HttpMethod.Patch, $"crm/v3/objects/contacts/{id}", """{"properties": {"lastname": "Lovelace"}}""");
        var batch = await Send(http, HttpMethod.Post, "crm/v3/objects/contacts/batch/update", $$$"""{"inputs": [{"id": "{{{id}}}", "properties": {"phone": "+1 555 0100"}}]}""");

        var stored = Assert.Single(fake.Records("/crm/v3/objects/contacts"));
        var expected = JsonNode.Parse("""{"email":"ada@example.com","firstname":"Ada","lastname":"Lovelace","phone":"+1 555 0100"}""");
        Assert.True(JsonNode.DeepEquals(expected, stored["properties"]), stored.ToJsonString());
        Assert.Equal(id, (string)batch["results"]![0]!["id"]!);
        Assert.Equal("CANCELED", (string)batch["status"]!);
        Assert.Empty(fake.Records("/crm/v3/objects/companies"));
        Assert.All(fake.Calls, call => Assert.Empty(call.Violations));
    }

    [Fact]
    public async Task A_seeded_record_is_served_and_a_record_of_another_collection_is_not()
    {
        var fake = FakeApi.Load(ObjectsSpec, new FakeApiOptions { Stateful = true });
        fake.Seed("/crm/v3/objects/companies", new JsonObject { ["id"] = "co-1", ["properties"] = new JsonObject { ["name"] = "Acme" }, ["createdAt"] = "2026-01-01T00:00:00Z", ["updatedAt"] = "2026-01-01T00:00:00Z", ["archived"] = false });
        using var http = fake.CreateClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", "token");

        var company = await Send(http, HttpMethod.Get, "crm/v3/objects/companies/co-1", null);
        using var missing = await http.GetAsync("crm/v3/objects/contacts/co-1");

        Assert.Equal("Acme", (string)company["properties"]!["name"]!);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private static async Task<JsonNode> Send(HttpClient http, HttpMethod method, string path, string? body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : new StringContent(body, Encoding.UTF8, "application/json") };
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }
}
