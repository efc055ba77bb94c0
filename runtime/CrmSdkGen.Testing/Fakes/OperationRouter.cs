using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.RegularExpressions;

namespace CrmSdkGen.Testing.Fakes;

/// <summary>Finds the operation a method and path name, as a server routing by the spec's path templates would.</summary>
internal sealed class OperationRouter
{
    private readonly List<(FakeOperation Operation, Regex Pattern, string[] Names)> _routes;

    public OperationRouter(IEnumerable<FakeOperation> operations)
    {
        _routes = operations
            .OrderByDescending(operation => operation.LiteralSegments)
            .Select(operation => (operation, Compile(operation.PathTemplate, out var names), names))
            .ToList();
    }

    /// <summary>The operation and its path values, or null with whether some operation has this path under another method.</summary>
    public (FakeOperation Operation, Dictionary<string, string> Values)? Match(HttpMethod method, string path, out bool pathKnown)
    {
        pathKnown = false;
        foreach (var (operation, pattern, names) in _routes)
        {
            var match = pattern.Match(path);
            if (!match.Success)
            {
                continue;
            }

            pathKnown = true;
            if (operation.Method != method)
            {
                continue;
            }

            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var index = 0; index < names.Length; index++)
            {
                values[names[index]] = Uri.UnescapeDataString(match.Groups[index + 1].Value);
            }

            return (operation, values);
        }

        return null;
    }

    // A template parameter matches one segment; literal text around it (HubSpot's '{id}:merge', Keap's '{id}:data') must match as it is.
    private static Regex Compile(string template, out string[] names)
    {
        var found = new List<string>();
        var pattern = Regex.Replace(
            Regex.Escape(template.TrimEnd('/')).Replace(@"\{", "{"),
            @"\{([^}]+)}",
            match =>
            {
                found.Add(match.Groups[1].Value);
                return "([^/]+)";
            });
        names = found.ToArray();
        return new Regex("^" + pattern + "/?$", RegexOptions.CultureInvariant);
    }
}
