using System;
using System.Globalization;

namespace CrmSdkGen.Runtime.Validation;

/// <summary>Allocation-free checks of the string formats JSON Schema names.</summary>
internal static class StringFormats
{
    public static bool IsValid(string format, string value) => format switch
    {
        "email" or "idn-email" => IsEmail(value),
        "uri" or "iri" => IsAbsoluteUri(value),
        "uri-reference" or "iri-reference" => value.IndexOfAny(Forbidden) < 0,
        "ipv4" => IsIPv4(value),
        "ipv6" => IsIPv6(value),
        "uuid" => Guid.TryParseExact(value, "D", out _),
        "date" => DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        "date-time" => DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out _) && value.Length >= 20 && value[10] is 'T' or 't',
        _ => true,
    };

    private static readonly char[] Forbidden = { ' ', '\t', '\r', '\n', '<', '>', '"', '{', '}', '|', '\\', '^', '`' };

    // Pragmatic, as validators of CRM data are: one @, a local part, a dotted domain, no spaces or controls.
    private static bool IsEmail(string value)
    {
        var at = value.IndexOf('@');
        if (at <= 0 || at != value.LastIndexOf('@') || at == value.Length - 1)
        {
            return false;
        }

        var domain = value.AsSpan(at + 1);
        if (domain.IndexOf('.') <= 0 || domain[^1] == '.' || domain.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c) || c is '(' or ')' or '<' or '>' or ',' or ';' or ':' or '[' or ']' or '\\' or '"')
            {
                return false;
            }
        }

        return true;
    }

    // RFC 3986: scheme ":" then anything without spaces, controls or characters that must be escaped.
    private static bool IsAbsoluteUri(string value)
    {
        var colon = value.IndexOf(':');
        if (colon <= 0 || !char.IsAsciiLetter(value[0]))
        {
            return false;
        }

        for (var i = 1; i < colon; i++)
        {
            if (!(char.IsAsciiLetterOrDigit(value[i]) || value[i] is '+' or '-' or '.'))
            {
                return false;
            }
        }

        foreach (var c in value)
        {
            if (char.IsControl(c))
            {
                return false;
            }
        }

        return value.IndexOfAny(Forbidden) < 0;
    }

    private static bool IsIPv4(ReadOnlySpan<char> value)
    {
        var parts = 0;
        while (true)
        {
            var dot = value.IndexOf('.');
            var part = dot < 0 ? value : value[..dot];
            if (part.Length is 0 or > 3 || (part.Length > 1 && part[0] == '0') || !int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number > 255)
            {
                return false;
            }

            parts++;
            if (dot < 0)
            {
                return parts == 4;
            }

            value = value[(dot + 1)..];
        }
    }

    private static bool IsIPv6(string value)
    {
        var text = value.AsSpan();
        var compressed = text.IndexOf("::", StringComparison.Ordinal);
        if (compressed >= 0 && text[(compressed + 1)..].IndexOf("::", StringComparison.Ordinal) >= 0)
        {
            return false;
        }

        var groups = 0;
        var rest = text;
        while (rest.Length > 0)
        {
            var colon = rest.IndexOf(':');
            var group = colon < 0 ? rest : rest[..colon];
            if (group.Length == 0)
            {
                // Only the empty groups of "::" (at the start, the end or in the middle) are allowed.
                if (compressed < 0)
                {
                    return false;
                }
            }
            else if (colon < 0 && group.IndexOf('.') >= 0)
            {
                if (!IsIPv4(group))
                {
                    return false;
                }

                groups += 2;
            }
            else if (group.Length > 4 || !int.TryParse(group, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out _))
            {
                return false;
            }
            else
            {
                groups++;
            }

            if (colon < 0)
            {
                break;
            }

            rest = rest[(colon + 1)..];
        }

        return compressed >= 0 ? groups < 8 : groups == 8;
    }
}
