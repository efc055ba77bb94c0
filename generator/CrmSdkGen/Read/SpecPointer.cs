using System;
using System.Collections.Generic;
using System.Text;

namespace CrmSdkGen.Read;

/// <summary>RFC 6901 JSON pointers, as Microsoft.OpenApi reports them ("#/paths/~1pets/get").</summary>
internal static class SpecPointer
{
    public static string Escape(string segment) => segment.Replace("~", "~0").Replace("/", "~1");

    public static string Append(string pointer, string segment) => pointer + "/" + Escape(segment);

    public static List<string> Split(string pointer)
    {
        var segments = new List<string>();
        var text = pointer.StartsWith("#", StringComparison.Ordinal) ? pointer.Substring(1) : pointer;
        foreach (var part in text.Split('/'))
        {
            if (part.Length > 0)
            {
                segments.Add(Uri.UnescapeDataString(part).Replace("~1", "/").Replace("~0", "~"));
            }
        }

        return segments;
    }

    public static string Join(IEnumerable<string> segments)
    {
        var builder = new StringBuilder("#");
        foreach (var segment in segments)
        {
            builder.Append('/').Append(Escape(segment));
        }

        return builder.ToString();
    }
}
