using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Attributes;
using Bench.Calls;

namespace CrmSdkGen.Benchmarks;

/// <summary>
/// One PUT of a thirty-property contact: serialise it, send it through an in-memory handler, parse the answer. The
/// generated client (default options: retries, attempt timeout, logging off) against hand-written HttpClient code
/// with System.Text.Json source generation, over the same handler and bytes.
/// </summary>
[MemoryDiagnoser]
public class CallBenchmarks
{
    private HttpClient _http = null!;
    private ContactClient _generated = null!;
    private ContactClient _generatedWithoutResilience = null!;
    private Bench.Calls.Models.Contact _generatedContact = null!;
    private HandWrittenContact _handWrittenContact = null!;

    [GlobalSetup]
    public void Setup()
    {
        _handWrittenContact = HandWrittenContact.Sample();
        var body = JsonSerializer.SerializeToUtf8Bytes(_handWrittenContact, HandWrittenJson.Default.HandWrittenContact);
        _http = new HttpClient(new FixedResponseHandler(body)) { BaseAddress = new Uri("http://crm.example/") };
        _generated = new ContactClient(_http);
        var bare = new ContactClientOptions { AttemptTimeout = null };
        bare.Retry.MaxRetries = 0;
        _generatedWithoutResilience = new ContactClient(_http, bare);
        _generatedContact = CrmSdkGen.Runtime.Json.JsonModel.Parse<Bench.Calls.Models.Contact>(System.Text.Encoding.UTF8.GetString(body));
    }

    [GlobalCleanup]
    public void Cleanup() => _http.Dispose();

    [Benchmark(Baseline = true)]
    public async Task<HandWrittenContact?> HandWrittenHttpClient()
    {
        using var response = await _http.PutAsJsonAsync("contacts/c-1", _handWrittenContact, HandWrittenJson.Default.HandWrittenContact);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync(HandWrittenJson.Default.HandWrittenContact);
    }

    [Benchmark]
    public Task<Bench.Calls.Models.Contact> GeneratedClient() => _generated.Contacts.ReplaceContactAsync("c-1", _generatedContact);

    /// <summary>The same call with retries and the attempt timeout turned off, which shows what the Polly pipeline costs.</summary>
    [Benchmark]
    public Task<Bench.Calls.Models.Contact> GeneratedClientWithoutResilience() => _generatedWithoutResilience.Contacts.ReplaceContactAsync("c-1", _generatedContact);

    private sealed class FixedResponseHandler(byte[] body) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await request.Content!.CopyToAsync(Stream.Null, cancellationToken);
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request };
        }
    }
}

/// <summary>What a developer would write by hand for the same contact.</summary>
public sealed class HandWrittenContact
{
    [JsonPropertyName("id")] public string Id { get; set; } = string.Empty;
    [JsonPropertyName("email")] public string Email { get; set; } = string.Empty;
    [JsonPropertyName("firstName")] public string? FirstName { get; set; }
    [JsonPropertyName("lastName")] public string? LastName { get; set; }
    [JsonPropertyName("phone")] public string? Phone { get; set; }
    [JsonPropertyName("mobilePhone")] public string? MobilePhone { get; set; }
    [JsonPropertyName("company")] public string? Company { get; set; }
    [JsonPropertyName("jobTitle")] public string? JobTitle { get; set; }
    [JsonPropertyName("website")] public string? Website { get; set; }
    [JsonPropertyName("street")] public string? Street { get; set; }
    [JsonPropertyName("city")] public string? City { get; set; }
    [JsonPropertyName("state")] public string? State { get; set; }
    [JsonPropertyName("postalCode")] public string? PostalCode { get; set; }
    [JsonPropertyName("country")] public string? Country { get; set; }
    [JsonPropertyName("lifecycleStage")] public string? LifecycleStage { get; set; }
    [JsonPropertyName("leadStatus")] public string? LeadStatus { get; set; }
    [JsonPropertyName("ownerId")] public string? OwnerId { get; set; }
    [JsonPropertyName("source")] public string? Source { get; set; }
    [JsonPropertyName("industry")] public string? Industry { get; set; }
    [JsonPropertyName("timezone")] public string? Timezone { get; set; }
    [JsonPropertyName("language")] public string? Language { get; set; }
    [JsonPropertyName("annualRevenue")] public double? AnnualRevenue { get; set; }
    [JsonPropertyName("numberOfEmployees")] public int? NumberOfEmployees { get; set; }
    [JsonPropertyName("score")] public long? Score { get; set; }
    [JsonPropertyName("subscribed")] public bool? Subscribed { get; set; }
    [JsonPropertyName("doNotCall")] public bool? DoNotCall { get; set; }
    [JsonPropertyName("createdAt")] public DateTimeOffset? CreatedAt { get; set; }
    [JsonPropertyName("updatedAt")] public DateTimeOffset? UpdatedAt { get; set; }
    [JsonPropertyName("lastContactedAt")] public DateTimeOffset? LastContactedAt { get; set; }
    [JsonPropertyName("tags")] public List<string>? Tags { get; set; }

    public static HandWrittenContact Sample() => new()
    {
        Id = "c-1", Email = "ada@example.com", FirstName = "Ada", LastName = "Lovelace", Phone = "+44 20 7946 0000", MobilePhone = "+44 7700 900000",
        Company = "Analytical Engines Ltd", JobTitle = "Mathematician", Website = "https://example.com", Street = "12 St James's Square", City = "London",
        State = "Greater London", PostalCode = "SW1Y 4JH", Country = "GB", LifecycleStage = "customer", LeadStatus = "open", OwnerId = "owner-7",
        Source = "referral", Industry = "computing", Timezone = "Europe/London", Language = "en", AnnualRevenue = 1250000.5, NumberOfEmployees = 42,
        Score = 87, Subscribed = true, DoNotCall = false, CreatedAt = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero),
        UpdatedAt = new DateTimeOffset(2024, 6, 7, 8, 9, 10, TimeSpan.Zero), LastContactedAt = new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero),
        Tags = ["vip", "newsletter", "q3"],
    };
}

[JsonSerializable(typeof(HandWrittenContact))]
internal sealed partial class HandWrittenJson : JsonSerializerContext;
