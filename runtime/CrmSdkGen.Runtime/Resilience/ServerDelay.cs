using System;
using System.Globalization;
using System.Linq;
using System.Net.Http;

namespace CrmSdkGen.Runtime.Resilience;

/// <summary>How long a server asked the client to wait: Retry-After, else the rate-limit reset headers CRMs and gateways send.</summary>
internal static class ServerDelay
{
    private static readonly string[] ResetHeaders = { "RateLimit-Reset", "X-RateLimit-Reset", "X-Rate-Limit-Reset" };

    // Reset headers hold either seconds to wait or a Unix time; no wait is anywhere near a billion seconds.
    private const double UnixTimeThreshold = 1_000_000_000;

    public static TimeSpan? From(HttpResponseMessage response, DateTimeOffset now)
    {
        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta;
        }

        if (retryAfter?.Date is { } date)
        {
            return date > now ? date - now : TimeSpan.Zero;
        }

        foreach (var name in ResetHeaders)
        {
            if (response.Headers.TryGetValues(name, out var values)
                && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0)
            {
                if (value < UnixTimeThreshold)
                {
                    return TimeSpan.FromSeconds(value);
                }

                var reset = DateTimeOffset.FromUnixTimeMilliseconds((long)(value * 1000));
                return reset > now ? reset - now : TimeSpan.Zero;
            }
        }

        return null;
    }
}
