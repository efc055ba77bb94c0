using System;
using System.Collections.Generic;

namespace CrmSdkGen.Read;

/// <summary>
/// Internal references that the OpenAPI reader resolves (a component by its name) and those it does not: pointers into
/// a component's or an operation's inner nodes, such as <c>#/components/schemas/Tag/allOf/0</c>.
/// </summary>
internal static class InternalPointers
{
    private static readonly string[] SwaggerComponentKinds = { "definitions", "parameters", "responses", "securityDefinitions" };

    /// <summary>
    /// Whether a reference's fragment (after the '#') points anywhere but at a named component: below one, into an
    /// operation, or under a key of the vendor's own (<c>#/x-shared/Address</c>).
    /// </summary>
    public static bool IsDeep(string fragment)
    {
        var segments = SpecPointer.Split(fragment);
        if (segments.Count == 0)
        {
            return false;
        }

        if (segments[0] == "components")
        {
            return segments.Count != 3;
        }

        return Array.IndexOf(SwaggerComponentKinds, segments[0]) < 0 || segments.Count != 2;
    }

    /// <summary>The fragments of the text's own <c>$ref</c>s that are deep, each once.</summary>
    public static IReadOnlyList<string> DeepTargets(string text)
    {
        var found = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in ReferenceScanner.Values(text))
        {
            if (value.Length < 2 || value[0] != '#' || value.Length > SpecLimits.MaxNameLength)
            {
                continue;
            }

            var fragment = value.Substring(1);
            if (seen.Add(fragment) && IsDeep(fragment))
            {
                found.Add(fragment);
            }
        }

        return found;
    }
}
