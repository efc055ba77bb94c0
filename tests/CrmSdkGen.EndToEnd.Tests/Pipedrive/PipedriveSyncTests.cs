using System.Text.Json;
using Acme.Pipedrive;
using Acme.Pipedrive.Models;
using CrmSdkGen.Runtime.Auth;
using CrmSdkGen.Runtime.Http;
using CrmSdkGen.Runtime.Sync;
using CrmSdkGen.Sync.Sqlite;

namespace CrmSdkGen.EndToEnd.Tests.Pipedrive;

/// <summary>
/// The first day with an enveloped CRM, against a Pipedrive-shaped server: the generated adapter syncs persons out of
/// their envelopes, paging stops on more_items_in_collection, and what fails says where.
/// </summary>
public sealed class PipedriveSyncTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("crmsdkgen-pipedrive").FullName;
    private PipedriveShapedServer _server = null!;
    private HttpClient _http = null!;
    private PipedriveClient _crm = null!;
    private SqliteSyncStore _store = null!;

    public async Task InitializeAsync()
    {
        _server = await PipedriveShapedServer.StartAsync();
        _http = new HttpClient { BaseAddress = new Uri(_server.BaseAddress, "v1/") };
        _crm = new PipedriveClient(_http, new PipedriveClientOptions { ApiKey = new ApiKeyCredential("pd-token-123") });
        _store = new SqliteSyncStore(Path.Combine(_directory, "pipedrive.db"), "persons");
    }

    public async Task DisposeAsync()
    {
        _store.Dispose();
        _http.Dispose();
        await _server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task A_full_sync_stores_the_records_out_of_their_envelopes_and_stops_when_the_server_says_there_is_no_more()
    {
        foreach (var name in new[] { "Ada", "Bob", "Cy", "Dee", "Eve", "Fay", "Gus" })
        {
            _server.Add(name);
        }

        var engine = new SyncEngine(new PersonsSyncAdapter(_crm, options => options.PageSize = 3), _store);
        var result = await engine.SyncAsync();

        Assert.Equal(7, result.Created);
        Assert.Equal(3, result.Pages);
        Assert.Equal(3, _server.Count("GET persons"));
        var stored = await _store.GetAllAsync();
        Assert.Equal(_server.Ids().Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)).Order(), stored.Keys.Order());
        Assert.All(stored.Values, record => Assert.False(record.TryGetProperty("success", out _)));
        Assert.Equal("company@pipedrivemail.example", stored["1"].GetProperty("cc_email").GetString());
        var ada = await engine.GetLocalAsync<PersonItem>("1");
        Assert.Equal("Ada", ada!.Name);
        Assert.Equal("grace@example.com", ada.OwnerId!.Email);
    }

    [Fact]
    public async Task Creates_updates_and_deletes_reach_the_crm_and_only_the_changes_go_in_a_partial_put()
    {
        var bob = _server.Add("Bob");
        var gone = _server.Add("Gone");
        var engine = new SyncEngine(new PersonsSyncAdapter(_crm, options => options.UpdateSendsRecord = false), _store);
        await engine.SyncAsync();

        var person = (await engine.GetLocalAsync<PersonItem>(bob.ToString(System.Globalization.CultureInfo.InvariantCulture)))!;
        person.Name = "Robert";
        await engine.SaveLocalAsync(bob.ToString(System.Globalization.CultureInfo.InvariantCulture), person);
        await engine.CreateLocalAsync(new AddPersonRequest { Name = "Ada", OwnerId = 7 });
        await engine.DeleteLocalAsync(gone.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var result = await engine.SyncAsync();

        Assert.Equal((1, 1, 1), (result.PushedCreates, result.PushedUpdates, result.PushedDeletes));
        Assert.Empty(result.Failures);
        Assert.Equal("Robert", (string?)_server.Get(bob)!["name"]);
        Assert.Contains("""{"name":"Robert"}""", _server.Bodies);
        Assert.Null(_server.Get(gone));
        var stored = await _store.GetAllAsync();
        Assert.Equal(2, stored.Count);
        Assert.Contains(stored, row => row.Value.GetProperty("name").GetString() == "Ada" && row.Key == row.Value.GetProperty("id").GetRawText());
        Assert.Empty(await _store.GetPendingAsync());
    }

    [Fact]
    public async Task A_record_that_does_not_fit_the_request_body_fails_alone_naming_the_field()
    {
        var ids = new[] { _server.Add("Ada"), _server.Add("Bob") };
        var engine = new SyncEngine(new PersonsSyncAdapter(_crm, options => options.UpdateSendsRecord = true), _store);
        await engine.SyncAsync();
        foreach (var id in ids)
        {
            var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var person = (await engine.GetLocalAsync<PersonItem>(key))!;
            person.Name += " (edited)";
            await engine.SaveLocalAsync(key, person);
        }

        var result = await engine.PushAsync();

        Assert.Equal(2, result.Failures.Count);
        Assert.All(result.Failures, failure => Assert.Contains("$.owner_id: expected a 64-bit integer but found an object (AddPersonRequest.owner_id)", failure.Error, StringComparison.Ordinal));
        Assert.Equal(0, _server.Count("PUT persons/{id}"));
        Assert.Equal(2, (await _store.GetPendingAsync()).Count);
    }

    [Fact]
    public async Task A_broken_record_is_located_by_path_and_property_in_a_response_and_in_the_store()
    {
        _server.Add("Ada");
        _server.Add("Bob", ownerIdAsText: "seven");
        await new SyncEngine(new PersonsSyncAdapter(_crm), _store).SyncAsync();

        var response = await Assert.ThrowsAsync<ApiException>(() => _crm.Persons.GetPersonsAsync());
        Assert.Contains("$.data[1].owner_id: expected a JSON object for PersonItemOwnerId but found a string (PersonItem.owner_id)", response.Message, StringComparison.Ordinal);
        var json = Assert.IsAssignableFrom<JsonException>(response.InnerException);
        Assert.Equal("$.data[1].owner_id", json.Path);

        var stored = await Assert.ThrowsAnyAsync<JsonException>(() => new SyncEngine(new PersonsSyncAdapter(_crm), _store).GetLocalAsync<PersonItem>("2"));
        Assert.StartsWith("The stored persons record '2' is not a PersonItem: $.owner_id: ", stored.Message, StringComparison.Ordinal);
        Assert.Equal("$.owner_id", stored.Path);
    }

    [Fact]
    public async Task A_failed_call_says_what_the_crm_said_without_its_body_or_the_token()
    {
        var missing = await Assert.ThrowsAsync<ApiException>(() => _crm.Persons.GetPersonAsync(404));
        Assert.Equal($"HTTP 404 Not Found from GET /persons/{{id}}: Person not found ({missing.RawBody.Length} characters of body in RawBody).", missing.Message);
        Assert.Equal("Person not found", missing.ErrorMessage);

        var id = _server.Add("Ada");
        var refused = await Assert.ThrowsAsync<ApiException>(() => _crm.Persons.UpdatePersonAsync(id, new AddPersonRequest { Phone = new List<AddPersonRequestPhoneItem> { new() { Value = "020 7946 0958" } } }));
        Assert.Equal("HTTP 400 Bad Request from PUT /persons/{id}: Invalid phone number (" + refused.RawBody.Length + " characters of body in RawBody).", refused.Message);
        Assert.Contains("ada@example.com", refused.RawBody, StringComparison.Ordinal);
        Assert.True(refused.TryGetJsonBody(out var body));
        Assert.Equal("020 7946 0958", body.GetProperty("data").GetProperty("phone")[0].GetProperty("value").GetString());
        foreach (var secret in new[] { "ada@example.com", "020 7946 0958", "pd-token-123" })
        {
            Assert.DoesNotContain(secret, missing.Message + refused.Message + refused.ToString(), StringComparison.Ordinal);
        }
    }
}
