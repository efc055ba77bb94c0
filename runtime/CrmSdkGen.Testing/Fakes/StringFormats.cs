using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace CrmSdkGen.Testing.Fakes;

/// <summary>The string formats a request is held to, as JSON Schema defines them; other formats are not checked.</summary>
internal static class StringFormats
{
    private static readonly Regex DateTime = new(@"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant);
    private static readonly Regex Date = new(@"^\d{4}-\d{2}-\d{2}$", RegexOptions.CultureInvariant);
    private static readonly Regex Email = new(@"^[^\s@]+@[^\s@]+$", RegexOptions.CultureInvariant);

    public static bool Matches(string? format, string value) => format switch
    {
        "date-time" => DateTime.IsMatch(value) && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        "date" => Date.IsMatch(value) && System.DateTime.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        "uuid" => Guid.TryParseExact(value, "D", out _),
        "email" => Email.IsMatch(value),
        "uri" => Uri.TryCreate(value, UriKind.Absolute, out _),
        _ => true,
    };
}
