using Acme.Crm;
using Acme.Crm.Models;
using CrmSdkGen.Runtime.Auth;
using CrmSdkGen.Runtime.Http;

namespace CrmSdkGen.EndToEnd.Tests;

/// <summary>The generated client's partial methods see every request before it leaves and every response as it arrives.</summary>
public sealed class ClientHookTests(ContactsServerFixture fixture) : IClassFixture<ContactsServerFixture>
{
    [Fact]
    public async Task PrepareRequest_changes_what_is_sent_and_ProcessResponse_sees_each_status()
    {
        using var http = new HttpClient { BaseAddress = fixture.Server.BaseAddress };
        var client = new AcmeCrmClient(http, new AcmeCrmClientOptions { ApiKey = new ApiKeyCredential(ContactsServerFixture.ApiKey) });
        client.Contacts.TraceOperations = true;

        var created = await client.Contacts.CreateContactAsync(new ContactInput { Email = "hooks@example.com" });
        await Assert.ThrowsAsync<ApiException<Error>>(() => client.Contacts.GetByIdAsync("no-such-id"));

        Assert.Contains($"POST /v1/contacts [X-Trace: CreateContact]", fixture.Server.RequestLog);
        Assert.Contains($"GET /v1/contacts/no-such-id [X-Trace: GetById]", fixture.Server.RequestLog);
        Assert.Equal(["CreateContact 201", "GetById 404"], client.Contacts.Responses);
        Assert.NotNull(created.Id);
    }
}
