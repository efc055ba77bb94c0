using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CrmSdkGen.Runtime.Http;
using CrmSdkGen.Runtime.Sync;

namespace CrmSdkGen.EndToEnd.Tests.Sync;

/// <summary>
/// A hand-written adapter for the local CRM's delta feed (GET /v1/contacts/delta, in the shape of Microsoft Graph's),
/// with entity tags sent as If-Match, as a Dataverse adapter would: the kind of adapter a user writes for what the spec
/// does not describe.
/// </summary>
public sealed class DeltaContactsAdapter(HttpClient http, string apiKey) : SyncAdapter(new SyncAdapterOptions
{
    Resource = "contacts-delta",
    PullMode = SyncPullMode.DeltaToken,
    ETagField = "@etag",
})
{
    public override async Task<SyncPage> FetchPageAsync(SyncPageRequest request, CancellationToken cancellationToken)
    {
        var token = request.PageToken ?? request.ChangeToken;
        using var response = await SendAsync(HttpMethod.Get, token is null ? "contacts/delta" : "contacts/delta?token=" + Uri.EscapeDataString(token), null, null, cancellationToken);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        var records = new List<JsonElement>();
        var deleted = new List<string>();
        foreach (var item in document.RootElement.GetProperty("value").EnumerateArray())
        {
            if (item.TryGetProperty("@removed", out _))
            {
                deleted.Add(item.GetProperty("id").GetString()!);
            }
            else
            {
                records.Add(item.Clone());
            }
        }

        var root = document.RootElement;
        return new SyncPage(records, root.TryGetProperty("nextLink", out var next) ? next.GetString() : null)
        {
            DeletedKeys = deleted,
            ChangeToken = root.TryGetProperty("deltaLink", out var delta) ? delta.GetString() : null,
        };
    }

    public override async Task<JsonElement?> GetAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await SendAsync(HttpMethod.Get, "contacts/" + key, null, null, cancellationToken);
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken)).RootElement.Clone();
        }
        catch (ApiException exception) when (exception.StatusCode == 404)
        {
            return null;
        }
    }

    public override async Task<JsonElement> CreateAsync(SyncCreate create, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Post, "contacts", create.Record, null, cancellationToken, create.IdempotencyKey);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken)).RootElement.Clone();
    }

    public override async Task<JsonElement> UpdateAsync(SyncUpdate update, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Patch, "contacts/" + update.Key, update.Changes, update.IfMatch, cancellationToken);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken)).RootElement.Clone();
    }

    public override async Task DeleteAsync(SyncDelete delete, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Delete, "contacts/" + delete.Key, null, delete.IfMatch, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, JsonElement? body, string? ifMatch, CancellationToken cancellationToken, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Api-Key", apiKey);
        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        if (body is { } json)
        {
            request.Content = new StringContent(json.GetRawText(), Encoding.UTF8, "application/json");
        }

        var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            var status = (int)response.StatusCode;
            response.Dispose();
            throw new ApiException(status, null, method, path, new Dictionary<string, IReadOnlyList<string>>(), text, $"HTTP {status.ToString(CultureInfo.InvariantCulture)}: {text}");
        }

        return response;
    }
}
