using System.Collections.Generic;
using System.ComponentModel;
using System.Text;

namespace CrmSdkGen.Runtime.Http;

/// <summary>The label and matrix path styles of OpenAPI (RFC 6570 <c>{.x}</c> and <c>{;x}</c>); used by generated code.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ParameterStyles
{
    /// <summary><c>.a.b</c> when exploded, else <c>.a,b</c>; each value percent-encoded.</summary>
    public static string Label(IEnumerable<string> values, bool explode)
    {
        var builder = new StringBuilder();
        var first = true;
        foreach (var value in values)
        {
            builder.Append(first || explode ? '.' : ',').Append(UriEncoding.EncodeQueryComponent(value));
            first = false;
        }

        return builder.ToString();
    }

    /// <summary><c>;id=a;id=b</c> when exploded, else <c>;id=a,b</c>; each value percent-encoded.</summary>
    public static string Matrix(string name, IEnumerable<string> values, bool explode)
    {
        var builder = new StringBuilder();
        var encodedName = UriEncoding.EncodeQueryComponent(name);
        var first = true;
        foreach (var value in values)
        {
            if (first || explode)
            {
                builder.Append(';').Append(encodedName).Append('=');
            }
            else
            {
                builder.Append(',');
            }

            builder.Append(UriEncoding.EncodeQueryComponent(value));
            first = false;
        }

        return builder.Length == 0 ? ";" + encodedName : builder.ToString();
    }
}
