using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace CrmSdkGen.Model.Detection;

/// <summary>
/// The largest page a page-size parameter or property allows: its <c>maximum</c>, else a bound its description states
/// ("up to 200 objects", "maximum 500", Pipedrive's "a maximum value of 500 is allowed"), else 100, which the CRMs we know all serve (HubSpot lists 100, Pipedrive 500,
/// Zoho 200, Intercom 150, Stripe 100) and which is ten times HubSpot's default of 10.
/// </summary>
internal static class PageSizes
{
    public const int Default = 100;

    private static readonly Regex StatedBound = new(
        @"(?:up\s+to|at\s+most|maximum(?:\s+(?:of|is|value\s+(?:of|is)))?|max(?:imum)?\s*[:=]?|no\s+more\s+than|between\s+\d+\s+and)\s+(\d{1,6})\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
        TimeSpan.FromMilliseconds(100));

    public static int Largest(ApiType type, string? description)
    {
        if (type.Constraints?.Maximum is { } maximum && decimal.TryParse(maximum, NumberStyles.Number, CultureInfo.InvariantCulture, out var bound) && bound >= 1)
        {
            var largest = (int)Math.Min(bound, int.MaxValue);
            return type.Constraints.ExclusiveMaximum ? Math.Max(1, largest - 1) : largest;
        }

        try
        {
            if (description is not null && StatedBound.Match(description) is { Success: true } match
                && int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var stated) && stated >= 1)
            {
                return stated;
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // A description too odd to read states no bound.
        }

        return Default;
    }
}
