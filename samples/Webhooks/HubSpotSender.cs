using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace WebhooksSample;

/// <summary>
/// Delivers events as HubSpot does: batched in a JSON array, signed with v3 signatures (HMAC-SHA256 of method, URI,
/// body and timestamp with the app's client secret), and delivered again until the receiver answers 2xx.
/// </summary>
public sealed class HubSpotSender(Uri endpoint, string clientSecret) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 16 }) { Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>A deal's stage change, as HubSpot announces it.</summary>
    public static JsonObject StageChange(long eventId, string dealId, string stage) => new()
    {
        ["eventId"] = eventId,
        ["subscriptionId"] = 2_011,
        ["portalId"] = 62_515,
        ["appId"] = 1_160_452,
        ["occurredAt"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
        ["subscriptionType"] = "deal.propertyChange",
        ["attemptNumber"] = 0,
        ["objectId"] = long.Parse(dealId, CultureInfo.InvariantCulture),
        ["propertyName"] = "dealstage",
        ["propertyValue"] = stage,
        ["changeSource"] = "CRM_UI",
    };

    /// <summary>Delivers the batch until it is answered 2xx (a receiver that is down is tried again); returns the attempts made.</summary>
    public async Task<int> DeliverAsync(IEnumerable<JsonObject> events, CancellationToken cancellationToken = default)
    {
        var body = new JsonArray(events.Select(item => (JsonNode)item.DeepClone()).ToArray()).ToJsonString();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var response = await _http.SendAsync(Signed(endpoint, body, clientSecret, DateTimeOffset.UtcNow), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return attempt;
                }
            }
            catch (HttpRequestException)
            {
                // The receiver is down or restarting: HubSpot tries again later.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // No answer in time: the same.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(50 * attempt, 500)), cancellationToken);
        }
    }

    public void Dispose() => _http.Dispose();

    /// <summary>A delivery of <paramref name="body"/> to <paramref name="endpoint"/>, signed (v3) with <paramref name="clientSecret"/> at <paramref name="at"/>.</summary>
    public static HttpRequestMessage Signed(Uri endpoint, string body, string clientSecret, DateTimeOffset at)
    {
        var timestamp = at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(clientSecret), Encoding.UTF8.GetBytes("POST" + endpoint.AbsoluteUri + body + timestamp));
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-HubSpot-Signature-v3", Convert.ToBase64String(signature));
        request.Headers.Add("X-HubSpot-Request-Timestamp", timestamp);
        return request;
    }
}
