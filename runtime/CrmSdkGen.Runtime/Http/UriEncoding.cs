using System;
using System.Text;

namespace CrmSdkGen.Runtime.Http;

/// <summary>RFC 3986 percent-encoding for values placed in a request URI.</summary>
public static class UriEncoding
{
    /// <summary>
    /// Encodes a path parameter so that it stays one segment: everything but unreserved characters is percent-encoded.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The value is empty, ".", or "..": servers normalise those segments (encoded or not) and the request would reach another path.
    /// </exception>
    public static string EncodePathSegment(string value)
    {
        if (value.Length == 0 || value is "." or "..")
        {
            throw new ArgumentException($"A path parameter cannot be '{value}': it would change the request's path.", nameof(value));
        }

        return Encode(value);
    }

    /// <summary>Encodes a query name or value: everything but unreserved characters is percent-encoded.</summary>
    public static string EncodeQueryComponent(string value) => Encode(value);

    private static string Encode(string value)
    {
        if (IsAllUnreserved(value))
        {
            return value;
        }

        var bytes = Encoding.UTF8.GetBytes(value);
        var builder = new StringBuilder(bytes.Length * 3);
        foreach (var b in bytes)
        {
            if (IsUnreserved((char)b) && b < 0x80)
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append("0123456789ABCDEF"[b >> 4]).Append("0123456789ABCDEF"[b & 0xF]);
            }
        }

        return builder.ToString();
    }

    private static bool IsAllUnreserved(string value)
    {
        foreach (var c in value)
        {
            if (!IsUnreserved(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsUnreserved(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '.' or '_' or '~';
}
