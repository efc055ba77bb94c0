using System.Text;

namespace CrmSdkGen.Model.Mapping;

/// <summary>
/// JSON Schema patterns are ECMA-262, where outside unicode mode a backslash before a letter that is no escape stands
/// for the letter itself. Vendor specs write <c>[a-zA-Z0-9\-\_]</c> that way (SendGrid); .NET refuses <c>\_</c>, and
/// reads <c>\a</c>, <c>\e</c>, <c>\A</c>, <c>\Z</c>, <c>\z</c> and <c>\G</c> as something else. Such letters lose their backslash.
/// </summary>
internal static class EcmaPattern
{
    private const string EcmaEscapes = "dDwWsSbBfnrtvcxukpP";

    public static string ToDotNet(string pattern)
    {
        if (pattern.IndexOf('\\') < 0)
        {
            return pattern;
        }

        var builder = new StringBuilder(pattern.Length);
        for (var i = 0; i < pattern.Length; i++)
        {
            var current = pattern[i];
            if (current == '\\' && i + 1 < pattern.Length)
            {
                var next = pattern[++i];
                if (!IsIdentityEscape(next))
                {
                    builder.Append('\\');
                }

                builder.Append(next);
                continue;
            }

            builder.Append(current);
        }

        return builder.ToString();
    }

    private static bool IsIdentityEscape(char escaped) =>
        (escaped == '_' || (escaped is >= 'a' and <= 'z') || (escaped is >= 'A' and <= 'Z')) && EcmaEscapes.IndexOf(escaped) < 0;
}
