using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Acme.Crm;
using Acme.Crm.Models;
using CrmSdkGen.Runtime.Auth;
using CrmSdkGen.Runtime.Http;
using CrmSdkGen.Runtime.Resilience;
using CrmSdkGen.Testing.Fakes;

namespace CrmSdkGen.EndToEnd.Tests.Fakes;

/// <summary>The spec-driven fake against the generated Acme client: requests held to the spec, answers from it, overrides, faults.</summary>
public sealed class FakeApiTests
{
    internal static readonly string ContactsSpec = Path.Combine(AppContext.BaseDirectory, "specs", "acme-crm-contacts.yaml");

    [Fact]
    public async Task Created_records_are_read_listed_updated_and_deleted_through_the_generated_client()
    {
        var fake = FakeApi.Load(ContactsSpec, new FakeApiOptions { Stateful = true });
        var crm = Client(fake);

        var ada = await crm.Contacts.CreateContactAsync(new ContactInput { Email = "ada@example.com", FirstName = "Ada", Tags = ["vip"] });
        var grace = await crm.Contacts.CreateContactAsync(new ContactInput { Email = "grace@example.com", Phone = "+1 555 0100" });
        Assert.NotEqual(ada.Id, grace.Id);
        Assert.Equal("ada@example.com", (await crm.Contacts.GetByIdAsync(ada.Id)).Email);

        var page = await crm.Contacts.ListContactsAsync();
        Assert.Equal(new[] { ada.Id, grace.Id }, page.Results.Select(contact => contact.Id));
        Assert.Null(page.Paging);

        var updated = await crm.Contacts.UpdateContactAsync(grace.Id, new ContactInput { LastName = "Hopper", Phone = null });
        Assert.Equal(("grace@example.com", "Hopper", (string?)null), (updated.Email, updated.LastName, updated.Phone));
        Assert.True(updated.UpdatedAt >= updated.CreatedAt);

        await crm.Contacts.DeleteContactAsync(ada.Id);
        var gone = await Assert.ThrowsAsync<ApiException<Error>>(() => crm.Contacts.GetByIdAsync(ada.Id));
        Assert.Equal(404, gone.StatusCode);
        Assert.Equal(new[] { grace.Id }, fake.Records("/contacts").Select(record => (string)record["id"]!));
        Assert.All(fake.Calls, call => Assert.Empty(call.Violations));
    }

    [Fact]
    public async Task A_stateless_fake_answers_every_operation_with_data_the_generated_client_reads()
    {
        var fake = FakeApi.Load(ContactsSpec);
        var crm = Client(fake);

        var contact = await crm.Contacts.GetByIdAsync("anything");
        var page = await crm.Contacts.ListContactsAsync(limit: 5, lifecycleStage: LifecycleStage.Lead);

        Assert.False(string.IsNullOrEmpty(contact.Id));
        Assert.Equal("user@example.com", contact.Email);
        Assert.Equal(LifecycleStage.Subscriber, contact.LifecycleStage);
        Assert.NotEmpty(page.Results);
        Assert.Equal(new[] { 200, 200 }, fake.Calls.Select(call => call.Status));
    }

    [Fact]
    public async Task A_body_that_breaks_its_schema_is_refused_with_422_naming_each_violation()
    {
        var fake = FakeApi.Load(ContactsSpec);
        using var http = fake.CreateClient();
        http.DefaultRequestHeaders.Add("X-Api-Key", "key");

        using var response = await http.PostAsync("contacts", Json("""{"email": 42, "lifecycleStage": "unknown", "tags": "vip", "address": {"city": 7}}"""));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var call = Assert.Single(fake.Calls);
        Assert.Equal("createContact", call.OperationId);
        Assert.Equal(
            new[] { "body/email: 42 is not of type string", "body/lifecycleStage: \"unknown\" is not one of the allowed values", "body/tags: \"vip\" is not of type array", "body/address/city: 7 is not of type string" },
            call.Violations);
        Assert.Contains("body/email", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("contacts?limit=0", "query/limit: 0 is below the minimum")]
    [InlineData("contacts?limit=ten", "query/limit: 'ten' is not an integer")]
    [InlineData("contacts?updatedSince=yesterday", "query/updatedSince: 'yesterday' is not a valid date-time")]
    [InlineData("contacts?lifecycleStage=prospect", "query/lifecycleStage: \"prospect\" is not one of the allowed values")]
    public async Task A_parameter_that_breaks_its_schema_is_refused(string query, string violation)
    {
        var fake = FakeApi.Load(ContactsSpec);
        using var http = fake.CreateClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", "token");

        using var response = await http.GetAsync(query);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(violation, Assert.Single(Assert.Single(fake.Calls).Violations));
    }

    [Fact]
    public async Task Missing_credentials_an_unknown_path_a_wrong_method_and_a_wrong_content_type_are_refused()
    {
        var fake = FakeApi.Load(ContactsSpec);
        using var http = fake.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("contacts")).StatusCode);
        http.DefaultRequestHeaders.Add("X-Api-Key", "key");
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("companies")).StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await http.PutAsync("contacts", Json("{}"))).StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await http.PostAsync("contacts", new StringContent("email=a", Encoding.UTF8, "text/plain"))).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await http.PostAsync("contacts/batch/update", Json("{}"))).StatusCode);
        Assert.Equal(new[] { 401, 404, 405, 415, 422 }, fake.Calls.Select(call => call.Status));
    }

    [Fact]
    public async Task An_override_answers_its_operation_and_hands_back_to_the_spec_when_it_returns_null()
    {
        var fake = FakeApi.Load(ContactsSpec, new FakeApiOptions { Stateful = true });
        fake.On("get-/crm/v1/contacts/{contactId}_getById", request => request.PathValues["contactId"] == "vip"
            ? FakeResponse.Json(200, new JsonObject { ["id"] = "vip", ["email"] = "vip@example.com", ["createdAt"] = "2026-01-01T00:00:00Z", ["updatedAt"] = "2026-01-01T00:00:00Z", ["archived"] = false, ["x-tier"] = "gold" })
            : null);
        var crm = Client(fake);

        var vip = await crm.Contacts.GetByIdAsync("vip");
        Assert.Equal("vip@example.com", vip.Email);
        Assert.Equal("\"gold\"", vip.AdditionalProperties["x-tier"].GetRawText());
        Assert.Equal(404, (await Assert.ThrowsAsync<ApiException<Error>>(() => crm.Contacts.GetByIdAsync("other"))).StatusCode);
        Assert.Throws<ArgumentException>(() => fake.On("getCompany", _ => null));
    }

    [Fact]
    public async Task A_429_with_Retry_After_and_a_503_are_retried_by_the_client_and_recorded()
    {
        var fake = FakeApi.Load(ContactsSpec)
            .Fail("listContacts", FakeFault.TooManyRequests(TimeSpan.Zero))
            .Fail("listContacts", FakeFault.ServerError(503));
        var crm = Client(fake);

        var page = await crm.Contacts.ListContactsAsync();

        Assert.NotEmpty(page.Results);
        Assert.Equal(new[] { 429, 503, 200 }, fake.Calls.Select(call => call.Status));
    }

    [Fact]
    public async Task A_fault_repeated_past_the_retries_reaches_the_caller_with_its_status()
    {
        var fake = FakeApi.Load(ContactsSpec).FailAny(FakeFault.ServerError(502), times: 10);
        var crm = Client(fake);

        var error = await Assert.ThrowsAsync<ApiException<Error>>(() => crm.Contacts.GetByIdAsync("c1"));

        Assert.Equal(502, error.StatusCode);
        Assert.Equal(3, fake.Calls.Count);
    }

    [Fact]
    public async Task A_timeout_and_a_reset_connection_are_retried_for_a_read()
    {
        var fake = FakeApi.Load(ContactsSpec).Fail("listContacts", FakeFault.Timeout()).Fail("listContacts", FakeFault.ConnectionReset());
        var crm = Client(fake, attemptTimeout: TimeSpan.FromMilliseconds(200));

        await crm.Contacts.ListContactsAsync();

        Assert.Equal(3, fake.Calls.Count);
    }

    [Fact]
    public async Task A_207_partial_batch_is_answered_for_a_batch_operation()
    {
        var fake = FakeApi.Load(ContactsSpec).Fail("batchUpdateContacts", FakeFault.MultiStatus());
        using var http = fake.CreateClient();
        http.DefaultRequestHeaders.Add("X-Api-Key", "key");

        using var response = await http.PostAsync("contacts/batch/update", Json("""{"inputs": [{"id": "c1", "email": "a@example.com"}]}"""));

        Assert.Equal(207, (int)response.StatusCode);
        Assert.NotNull(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["results"]);
    }

    [Fact]
    public async Task The_server_variant_serves_the_same_fake_on_127_0_0_1()
    {
        await using var server = await FakeApiServer.StartAsync(FakeApi.Load(ContactsSpec, new FakeApiOptions { Stateful = true }));
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var crm = new AcmeCrmClient(http, Options());

        var created = await crm.Contacts.CreateContactAsync(new ContactInput { Email = "ada@example.com" });
        var read = await crm.Contacts.GetByIdAsync(created.Id);
        server.Api.Fail("listContacts", FakeFault.ConnectionReset());
        var page = await crm.Contacts.ListContactsAsync();

        Assert.Equal("127.0.0.1", server.BaseAddress.Host);
        Assert.Equal("/v1/", server.BaseAddress.AbsolutePath);
        Assert.Equal(created.Id, read.Id);
        Assert.Equal(created.Id, Assert.Single(page.Results).Id);
        Assert.Equal(new[] { "createContact", "get-/crm/v1/contacts/{contactId}_getById", "listContacts", "listContacts" }, server.Api.Calls.Select(call => call.OperationId));
    }

    internal static AcmeCrmClient Client(FakeApi fake, TimeSpan? attemptTimeout = null)
    {
        var options = Options();
        options.AttemptTimeout = attemptTimeout ?? options.AttemptTimeout;
        return new AcmeCrmClient(fake.CreateClient(), options);
    }

    private static AcmeCrmClientOptions Options() => new()
    {
        ApiKey = new ApiKeyCredential("test-key"),
        Retry = new RetryOptions { BaseDelay = TimeSpan.FromMilliseconds(1), MaxRetries = 2, UseJitter = false },
    };

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");
}
