using System.Collections.Generic;
using System.Globalization;

namespace CrmSdkGen.Runtime.Diff;

/// <summary>RFC 6901 JSON Pointers as JSON Patch reads them: the reference tokens, and array indexes without leading zeros.</summary>
internal static class JsonPointerTokens
{
    /// <summary>The unescaped reference tokens of <paramref name="pointer"/>; null when it is not a JSON Pointer, with why.</summary>
    public static List<string>? Parse(string pointer, out string? problem)
    {
        problem = null;
        var tokens = new List<string>();
        if (pointer.Length == 0)
        {
            return tokens;
        }

        if (pointer[0] != '/')
        {
            problem = "is not a JSON Pointer: it must be empty or start with '/'";
            return null;
        }

        var start = 1;
        while (true)
        {
            var end = pointer.IndexOf('/', start);
            var raw = end < 0 ? pointer.Substring(start) : pointer.Substring(start, end - start);
            if (Unescape(raw) is not { } token)
            {
                problem = $"is not a JSON Pointer: '~' in '{raw}' must be followed by 0 or 1";
                return null;
            }

            tokens.Add(token);
            if (end < 0)
            {
                return tokens;
            }

            start = end + 1;
        }
    }

    /// <summary>The array index a token names, below <paramref name="limit"/>; -1 when it names none ("-", "01", "1e0", too large).</summary>
    public static int Index(string token, int limit)
    {
        if (token.Length == 0 || token.Length > 1 && token[0] == '0')
        {
            return -1;
        }

        return int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < limit ? index : -1;
    }

    private static string? Unescape(string raw)
    {
        if (raw.IndexOf('~') < 0)
        {
            return raw;
        }

        var builder = new System.Text.StringBuilder(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] != '~')
            {
                builder.Append(raw[i]);
            }
            else if (i + 1 < raw.Length && raw[i + 1] is '0' or '1')
            {
                builder.Append(raw[++i] == '0' ? '~' : '/');
            }
            else
            {
                return null;
            }
        }

        return builder.ToString();
    }
}
