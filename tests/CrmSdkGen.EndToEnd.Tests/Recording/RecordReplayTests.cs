using Acme.Crm;
using CrmSdkGen.Runtime.Auth;
using CrmSdkGen.Testing.Recording;

namespace CrmSdkGen.EndToEnd.Tests.Recording;

/// <summary>
/// A session with a real server is recorded with its secrets and personal data redacted, then replayed without the
/// server: the same calls get the same answers (retries included), and a call that was not recorded fails.
/// </summary>
public sealed class RecordReplayTests(FaultServer server) : IClassFixture<FaultServer>, IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"crmsdkgen-recording-{Guid.NewGuid():N}.json");

    public void Dispose() => File.Delete(_file);

    private static AcmeCrmClient Client(HttpMessageHandler handler, Uri scenario) =>
        new(new HttpClient(handler), new AcmeCrmClientOptions { BaseAddress = scenario, ApiKey = new ApiKeyCredential("sk-secret-123"), Retry = { BaseDelay = TimeSpan.FromMilliseconds(10) } });

    [Fact]
    public async Task A_recorded_session_replays_without_the_server_and_keeps_no_secret_or_personal_data()
    {
        var scenario = server.Scenario("unavailable");
        var recorder = new RecordingHandler(new SocketsHttpHandler());
        var live = await Client(recorder, scenario).Contacts.GetByIdAsync("c1");
        recorder.Save(_file);

        var text = File.ReadAllText(_file);
        Assert.Equal(3, recorder.Interactions.Count);
        Assert.Equal([503, 503, 200], recorder.Interactions.Select(interaction => interaction.Status));
        Assert.DoesNotContain("sk-secret-123", text, StringComparison.Ordinal);
        Assert.DoesNotContain(live.Email, text, StringComparison.Ordinal);
        Assert.Contains(RedactionRules.Placeholder, text, StringComparison.Ordinal);

        var replay = new ReplayHandler(_file);
        var replayed = await Client(replay, scenario).Contacts.GetByIdAsync("c1");

        Assert.Equal(live.Id, replayed.Id);
        Assert.Equal(RedactionRules.Placeholder, replayed.Email);
        Assert.Empty(replay.Unused);
        Assert.Equal(3, server.Attempts(scenario));
    }

    [Fact]
    public async Task A_request_that_was_not_recorded_fails_and_names_itself()
    {
        var scenario = server.Scenario("plain");
        var recorder = new RecordingHandler(new SocketsHttpHandler());
        await Client(recorder, scenario).Contacts.GetByIdAsync("c1");
        var replay = new ReplayHandler(recorder.Interactions);
        var client = Client(replay, scenario);

        await client.Contacts.GetByIdAsync("c1");
        var twice = await Assert.ThrowsAnyAsync<Exception>(() => client.Contacts.GetByIdAsync("c1"));
        var other = await Assert.ThrowsAnyAsync<Exception>(() => client.Contacts.GetByIdAsync("c2"));

        Assert.Contains(Flatten(twice), failure => failure is UnrecordedRequestException);
        var unrecorded = Assert.IsType<UnrecordedRequestException>(Flatten(other).First(failure => failure is UnrecordedRequestException));
        Assert.Equal("GET", unrecorded.Method);
        Assert.EndsWith("/v1/contacts/c2", unrecorded.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_keys_headers_and_json_properties_are_redacted_by_rule_and_the_rules_can_grow()
    {
        var rules = new RedactionRules();
        rules.JsonProperties.Add("hs_custom_ssn");
        var recorder = new RecordingHandler(new SocketsHttpHandler(), rules);
        using var http = new HttpClient(recorder);
        var scenario = server.Scenario("plain");
        using var get = new HttpRequestMessage(HttpMethod.Get, new Uri(scenario, "contacts?hapikey=abc123&limit=5"));
        get.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "tok-456");
        (await http.SendAsync(get)).EnsureSuccessStatusCode();
        using var post = new StringContent("""{"email":"grace@example.com","nested":[{"phone":"+1 555 0100","hs_custom_ssn":"078-05-1120"}],"company":"Acme"}""", System.Text.Encoding.UTF8, "application/json");
        (await http.PostAsync(new Uri(scenario, "contacts"), post)).EnsureSuccessStatusCode();
        recorder.Save(_file);

        var text = File.ReadAllText(_file);
        foreach (var secret in new[] { "abc123", "tok-456", "grace@example.com", "+1 555 0100", "078-05-1120", "ada@example.com" })
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }

        var (first, second) = (recorder.Interactions[0], recorder.Interactions[1]);
        Assert.EndsWith("/v1/contacts?hapikey=%5Bredacted%5D&limit=5", first.Uri, StringComparison.Ordinal);
        Assert.Equal(RedactionRules.Placeholder, first.RequestHeaders["Authorization"]);
        Assert.Contains("\"company\":\"Acme\"", second.RequestBody, StringComparison.Ordinal);
        Assert.Equal(2, HttpRecording.Load(_file).Count);
        File.WriteAllText(_file, "not a recording");
        Assert.Throws<InvalidDataException>(() => HttpRecording.Load(_file));
    }

    private static IEnumerable<Exception> Flatten(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            yield return current;
        }
    }
}
