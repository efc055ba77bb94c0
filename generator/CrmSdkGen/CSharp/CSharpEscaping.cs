using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace CrmSdkGen.CSharp;

/// <summary>
/// Escaping for spec text placed in C#: string literals and XML documentation. Spec strings are untrusted, so every
/// character that could end a literal or a comment line, or that is invisible, is escaped or removed.
/// </summary>
internal static class CSharpEscaping
{
    /// <summary>A C# string literal (with quotes) whose value is exactly <paramref name="value"/>.</summary>
    public static string CSharpString(string? value)
    {
        if (value is null)
        {
            return "null";
        }

        var builder = new StringBuilder(value.Length + 2);
        builder.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                default:
                    if (c >= 0x20 && c < 0x7F)
                    {
                        builder.Append(c);
                    }
                    else if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    {
                        builder.Append("\\U").Append(char.ConvertToUtf32(c, value[i + 1]).ToString("X8", CultureInfo.InvariantCulture));
                        i++;
                    }
                    else if (char.IsSurrogate(c))
                    {
                        builder.Append("\\uFFFD");
                    }
                    else
                    {
                        builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>The lines of an XML doc comment body, each escaped, without control or line-breaking characters.</summary>
    public static List<string> DocLines(string? text)
    {
        var lines = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return lines;
        }

        var current = new StringBuilder();
        foreach (var c in text!)
        {
            // C# ends a comment at \r, \n, U+0085, U+2028 and U+2029; all of them start a new doc line here.
            if (c is '\n' or '\r' or '\u0085' or '\u2028' or '\u2029')
            {
                lines.Add(current.ToString().TrimEnd());
                current.Clear();
                continue;
            }

            switch (c)
            {
                case '&':
                    current.Append("&amp;");
                    break;
                case '<':
                    current.Append("&lt;");
                    break;
                case '>':
                    current.Append("&gt;");
                    break;
                default:
                    if (!char.IsControl(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format)
                    {
                        current.Append(c);
                    }
                    else if (c == '\t')
                    {
                        current.Append(' ');
                    }

                    break;
            }
        }

        lines.Add(current.ToString().TrimEnd());
        while (lines.Count > 0 && lines[lines.Count - 1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        while (lines.Count > 0 && lines[0].Length == 0)
        {
            lines.RemoveAt(0);
        }

        return lines;
    }

    /// <summary>Text for inside an XML doc element on one line.</summary>
    public static string DocInline(string? text) => string.Join(" ", DocLines(text));
}
