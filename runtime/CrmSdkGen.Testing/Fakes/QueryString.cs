using System;
using System.Collections.Generic;

namespace CrmSdkGen.Testing.Fakes;

/// <summary>Reads a query string or a form body into names with every value each was sent with.</summary>
internal static class QueryString
{
    public static Dictionary<string, IReadOnlyList<string>> Parse(string text)
    {
        var values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var pair in text.TrimStart('?').Split('&'))
        {
            if (pair.Length == 0)
            {
                continue;
            }

            var separator = pair.IndexOf('=');
            var name = Decode(separator < 0 ? pair : pair.Substring(0, separator));
            var value = separator < 0 ? string.Empty : Decode(pair.Substring(separator + 1));
            if (!values.TryGetValue(name, out var list))
            {
                values[name] = list = new List<string>();
            }

            list.Add(value);
        }

        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (name, list) in values)
        {
            result[name] = list;
        }

        return result;
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
