using System.Collections.Generic;
using System.Text;

namespace CrmSdkGen.CSharp;

/// <summary>Turns arbitrary spec strings into valid, readable C# identifiers.</summary>
internal static class Identifier
{
    private static readonly HashSet<string> Keywords = new()
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue",
        "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally",
        "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface", "internal", "is", "lock",
        "long", "namespace", "new", "null", "object", "operator", "out", "override", "params", "private", "protected",
        "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static", "string",
        "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort",
        "using", "virtual", "void", "volatile", "while", "value", "var", "dynamic", "await", "async", "yield", "record",
        "required", "scoped", "file", "nameof", "when", "and", "or", "not", "with", "init", "global", "partial", "where",
        "select", "from", "let", "join", "on", "equals", "into", "orderby", "ascending", "descending", "group", "by", "get", "set",
        "add", "remove", "field", "managed", "unmanaged", "notnull", "nint", "nuint", "args",
    };

    /// <summary>PascalCase words of <paramref name="raw"/>; a leading digit gets an underscore, an empty result the fallback.</summary>
    public static string Pascal(string raw, string fallback = "Value")
    {
        var builder = new StringBuilder(raw.Length + 4);
        var trimmed = raw.TrimStart();
        if (trimmed.StartsWith("+", System.StringComparison.Ordinal))
        {
            builder.Append("Plus");
        }
        else if (trimmed.StartsWith("-", System.StringComparison.Ordinal))
        {
            builder.Append("Minus");
        }

        var startOfWord = true;
        foreach (var c in raw)
        {
            if (IsIdentifierPart(c))
            {
                builder.Append(startOfWord ? char.ToUpperInvariant(c) : c);
                startOfWord = false;
            }
            else
            {
                startOfWord = true;
            }
        }

        if (builder.Length == 0)
        {
            return fallback;
        }

        if (char.IsDigit(builder[0]))
        {
            builder.Insert(0, '_');
        }

        if (builder.Length > MaxLength)
        {
            // C# refuses identifiers over 512 characters, and a file name holds 255 bytes; what stays apart, stays apart.
            builder.Length = MaxLength - 9;
            builder.Append('_').Append(StableHash(raw).ToString("x8", System.Globalization.CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }

    /// <summary>The longest identifier made: longer names are cut and end with a hash of the whole.</summary>
    public const int MaxLength = 160;

    private static uint StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return hash;
    }

    /// <summary>camelCase for parameters and locals, escaped with @ when it is a keyword.</summary>
    public static string Camel(string raw, string fallback = "value")
    {
        var pascal = Pascal(raw, fallback);
        if (pascal[0] == '_')
        {
            return pascal;
        }

        var leadingUpper = 0;
        while (leadingUpper < pascal.Length && char.IsUpper(pascal[leadingUpper]))
        {
            leadingUpper++;
        }

        // "ID" -> "id", "URLPath" -> "urlPath", "Name" -> "name".
        var lowerCount = leadingUpper <= 1 || leadingUpper == pascal.Length ? leadingUpper : leadingUpper - 1;
        if (lowerCount == 0)
        {
            lowerCount = 1;
        }

        var camel = pascal.Substring(0, lowerCount).ToLowerInvariant() + pascal.Substring(lowerCount);
        return Keywords.Contains(camel) ? "@" + camel : camel;
    }

    private static bool IsIdentifierPart(char c) =>
        (c < 128 && (char.IsLetterOrDigit(c) || c == '_') && c != '_') || (c >= 128 && char.IsLetterOrDigit(c));
}
