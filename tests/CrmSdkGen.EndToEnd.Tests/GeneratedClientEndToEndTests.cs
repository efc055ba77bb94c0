using Acme.Crm;
using Acme.Crm.Models;
using CrmSdkGen.Runtime.Auth;
using CrmSdkGen.Runtime.Http;

namespace CrmSdkGen.EndToEnd.Tests;

/// <summary>The client generated at build time from the Acme contacts spec, against a real HTTP server on 127.0.0.1.</summary>
public sealed class GeneratedClientEndToEndTests(ContactsServerFixture fixture) : IClassFixture<ContactsServerFixture>, IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = fixture.Server.BaseAddress };

    private AcmeCrmClient Client(ApiCredential? apiKey = null) =>
        new(_http, new AcmeCrmClientOptions { ApiKey = (ApiKeyCredential?)(apiKey ?? new ApiKeyCredential(ContactsServerFixture.ApiKey)) });

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task Create_then_get_returns_the_typed_contact()
    {
        var client = Client();
        var created = await client.Contacts.CreateContactAsync(new ContactInput
        {
            Email = "ada@example.com",
            FirstName = "Ada",
            LifecycleStage = LifecycleStage.Customer,
            AnnualRevenue = 12.5m,
            BirthDate = new DateOnly(1815, 12, 10),
            Tags = ["vip", "eu"],
            CustomProperties = new Dictionary<string, string> { ["favourite_engine"] = "analytical" },
        });

        var fetched = await client.Contacts.GetByIdAsync(created.Id, xRequestId: Guid.NewGuid());

        Assert.Equal(created.Id, fetched.Id);
        Assert.Equal("ada@example.com", fetched.Email);
        Assert.Equal(LifecycleStage.Customer, fetched.LifecycleStage);
        Assert.True(fetched.LifecycleStage!.Value.IsKnown);
        Assert.Equal(12.5m, fetched.AnnualRevenue);
        Assert.Equal(new DateOnly(1815, 12, 10), fetched.BirthDate);
        Assert.Equal(["vip", "eu"], fetched.Tags!);
        Assert.Equal("analytical", fetched.CustomProperties!["favourite_engine"]);
        Assert.False(fetched.Archived);
        Assert.True(fetched.UpdatedAt >= fetched.CreatedAt);
    }

    [Fact]
    public async Task List_sends_query_parameters_and_reads_the_paging_cursor()
    {
        var client = Client();
        for (var i = 0; i < 3; i++)
        {
            await client.Contacts.CreateContactAsync(new ContactInput { Email = $"list{i}@example.com", LifecycleStage = "partner" });
        }

        var first = await client.Contacts.ListContactsAsync(limit: 2, lifecycleStage: "partner", properties: ["email", "phone"]);
        var second = await client.Contacts.ListContactsAsync(limit: 2, after: first.Paging!.Next!.After, lifecycleStage: "partner");

        Assert.Equal(2, first.Results.Count);
        Assert.Single(second.Results);
        Assert.Null(second.Paging);
        Assert.Equal(["list0@example.com", "list1@example.com", "list2@example.com"], first.Results.Concat(second.Results).Select(contact => contact.Email));
        Assert.False(first.Results[0].LifecycleStage!.Value.IsKnown);
        Assert.Contains(fixture.Server.RequestLog, line => line == "GET /v1/contacts?limit=2&lifecycleStage=partner&properties=email&properties=phone");
    }

    [Fact]
    public async Task Update_sends_only_assigned_properties_including_explicit_null()
    {
        var client = Client();
        var created = await client.Contacts.CreateContactAsync(new ContactInput { Email = "grace@example.com", FirstName = "Grace", Phone = "+1 555 0100" });

        var updated = await client.Contacts.UpdateContactAsync(created.Id, new ContactInput { LastName = "Hopper", Phone = null });

        Assert.Equal("Grace", updated.FirstName);
        Assert.Equal("Hopper", updated.LastName);
        Assert.Null(updated.Phone);
        Assert.True(updated.IsSet("phone"));
        var stored = fixture.Server.Find(created.Id)!;
        Assert.True(stored.ContainsKey("phone"));
        Assert.Null(stored["phone"]);
        Assert.Equal("grace@example.com", (string?)stored["email"]);
    }

    [Fact]
    public async Task Delete_then_get_throws_ApiException_with_the_typed_error_body()
    {
        var client = Client();
        var created = await client.Contacts.CreateContactAsync(new ContactInput { Email = "gone@example.com" });

        await client.Contacts.DeleteContactAsync(created.Id);
        var error = await Assert.ThrowsAsync<ApiException<Error>>(() => client.Contacts.GetByIdAsync(created.Id));

        Assert.Equal(404, error.StatusCode);
        Assert.Equal("OBJECT_NOT_FOUND", error.Error.Category);
        Assert.Contains($"No contact has the id '{created.Id}'", error.Error.Message);
        Assert.Contains("OBJECT_NOT_FOUND", error.RawBody);
        Assert.Equal("application/json", error.Headers["Content-Type"].Single());
        Assert.Contains("404", error.Message);
        Assert.Contains("/contacts/{contactId}", error.Message);
    }

    [Fact]
    public async Task Missing_credential_surfaces_the_status_and_body_without_leaking_the_key()
    {
        var client = Client(new ApiKeyCredential("wrong-key"));

        var error = await Assert.ThrowsAsync<ApiException<Error>>(() => client.Contacts.ListContactsAsync());

        Assert.Equal(401, error.StatusCode);
        Assert.Contains("X-Api-Key", error.RawBody);
        Assert.DoesNotContain("wrong-key", error.ToString());
    }

    [Theory]
    [InlineData("../contacts")]
    [InlineData("a/b")]
    [InlineData("x?limit=1")]
    [InlineData("x#fragment")]
    [InlineData("100%")]
    [InlineData("%2E%2E")]
    public async Task A_path_parameter_arrives_as_one_segment_and_cannot_change_the_path(string hostileId)
    {
        var client = Client();

        var error = await Assert.ThrowsAsync<ApiException<Error>>(() => client.Contacts.GetByIdAsync(hostileId));

        // Kestrel decodes every escape in a route value except %2F, so the id comes back whole, with '/' still escaped.
        Assert.Equal(404, error.StatusCode);
        Assert.Equal($"No contact has the id '{hostileId.Replace("/", "%2F", StringComparison.Ordinal)}'.", error.Error.Message);
    }

    [Theory]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("")]
    public async Task Dot_segments_and_empty_path_parameters_are_refused_before_sending(string hostileId)
    {
        var client = Client();
        var before = fixture.Server.RequestLog.Count;

        await Assert.ThrowsAsync<ArgumentException>(() => client.Contacts.GetByIdAsync(hostileId));

        Assert.Equal(before, fixture.Server.RequestLog.Count);
    }

    [Fact]
    public async Task Bearer_credential_is_not_accepted_by_this_server_and_the_401_is_reported()
    {
        var options = new AcmeCrmClientOptions { Bearer = new BearerTokenCredential(_ => ValueTask.FromResult("token-from-provider")) };
        var client = new AcmeCrmClient(_http, options);

        var error = await Assert.ThrowsAsync<ApiException<Error>>(() => client.Contacts.ListContactsAsync());

        Assert.Equal(401, error.StatusCode);
        Assert.Equal("BearerTokenCredential { *** }", options.Bearer.ToString());
    }
}
