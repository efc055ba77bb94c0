using System;
using System.Collections.Generic;

namespace CrmSdkGen.Read;

/// <summary>
/// Where the nodes of a bundled spec came from: each route says that the subtree at a pointer of the bundle is the
/// subtree at another pointer of a listed file, so that findings are located in the file the user edits.
/// </summary>
internal sealed class PointerRoutes
{
    private readonly List<(string Prefix, string FilePath, string Pointer)> _routes = new();

    public void Add(string bundledPointer, string filePath, string pointer) => _routes.Add((bundledPointer, filePath, pointer));

    /// <summary>
    /// The file and pointer of the longest route that leads to <paramref name="bundledPointer"/>, if any; of equal
    /// routes, the last one added, which is the innermost of references that were followed from one place.
    /// </summary>
    public bool TryRoute(string bundledPointer, out string filePath, out string pointer)
    {
        var best = -1;
        for (var i = 0; i < _routes.Count; i++)
        {
            var prefix = _routes[i].Prefix;
            if (IsWithin(bundledPointer, prefix) && (best < 0 || prefix.Length >= _routes[best].Prefix.Length))
            {
                best = i;
            }
        }

        if (best < 0)
        {
            filePath = string.Empty;
            pointer = bundledPointer;
            return false;
        }

        var route = _routes[best];
        filePath = route.FilePath;
        pointer = route.Pointer + bundledPointer.Substring(route.Prefix.Length);
        return true;
    }

    private static bool IsWithin(string pointer, string prefix) =>
        pointer.StartsWith(prefix, StringComparison.Ordinal) && (pointer.Length == prefix.Length || pointer[prefix.Length] == '/');
}
