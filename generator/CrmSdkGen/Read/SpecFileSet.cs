using System;
using System.Collections.Generic;
using CrmSdkGen.Kernel;

namespace CrmSdkGen.Read;

/// <summary>
/// The listed spec files, found by the way <c>$ref</c>s name them. A relative reference is taken from the referring
/// file's folder. An absolute URL (vendors publish multi-file specs that refer to each other by their download
/// addresses) names the listed file whose path ends with the most of the URL's path segments, file name included; when
/// two files tie, the reference is ambiguous and resolves to neither.
/// </summary>
internal sealed class SpecFileSet
{
    private readonly Dictionary<string, SpecFile> _byPath = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<SpecFile>> _byName = new(StringComparer.OrdinalIgnoreCase);

    public SpecFileSet(IEnumerable<SpecFile> files)
    {
        foreach (var file in files)
        {
            var key = Normalize(file.Path);
            if (_byPath.ContainsKey(key))
            {
                continue;
            }

            _byPath[key] = file;
            var name = FileName(key);
            if (!_byName.TryGetValue(name, out var named))
            {
                _byName[name] = named = new List<SpecFile>();
            }

            named.Add(file);
        }
    }

    public IEnumerable<SpecFile> Files => _byPath.Values;

    /// <summary>The listed file a reference's file part names, seen from <paramref name="fromPath"/>.</summary>
    public SpecFile? Resolve(string fromPath, string reference, out bool ambiguous)
    {
        ambiguous = false;
        var target = reference.Trim();
        if (target.Length == 0)
        {
            return null;
        }

        if (IsUrl(target, out var url))
        {
            return url.IsFile ? Find(Normalize(url.LocalPath)) : BySuffix(url.AbsolutePath, out ambiguous);
        }

        var decoded = Uri.UnescapeDataString(target).Replace('\\', '/');
        var combined = decoded.StartsWith("/", StringComparison.Ordinal) ? decoded : Directory(Normalize(fromPath)) + decoded;
        return Find(Collapse(combined));
    }

    private SpecFile? Find(string normalizedPath) => _byPath.TryGetValue(normalizedPath, out var file) ? file : null;

    /// <summary>Every listed file a reference could name: one, or the files an ambiguous URL matches equally.</summary>
    public IReadOnlyList<SpecFile> Candidates(string fromPath, string reference)
    {
        if (Resolve(fromPath, reference, out var ambiguous) is { } file)
        {
            return new[] { file };
        }

        return ambiguous && IsUrl(reference.Trim(), out var url) ? BestBySuffix(url.AbsolutePath) : Array.Empty<SpecFile>();
    }

    private SpecFile? BySuffix(string urlPath, out bool ambiguous)
    {
        var best = BestBySuffix(urlPath);
        ambiguous = best.Count > 1;
        return best.Count == 1 ? best[0] : null;
    }

    private List<SpecFile> BestBySuffix(string urlPath)
    {
        var best = new List<SpecFile>();
        var wanted = Uri.UnescapeDataString(urlPath).Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);
        if (wanted.Length == 0 || !_byName.TryGetValue(wanted[wanted.Length - 1], out var candidates))
        {
            return best;
        }

        var bestScore = 0;
        foreach (var candidate in candidates)
        {
            var score = SharedTail(wanted, Normalize(candidate.Path).Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries));
            if (score > bestScore)
            {
                best.Clear();
                bestScore = score;
            }

            if (score == bestScore)
            {
                best.Add(candidate);
            }
        }

        return best;
    }

    private static int SharedTail(string[] wanted, string[] path)
    {
        var count = 0;
        while (count < wanted.Length && count < path.Length
            && string.Equals(wanted[wanted.Length - 1 - count], path[path.Length - 1 - count], StringComparison.OrdinalIgnoreCase))
        {
            count++;
        }

        return count;
    }

    private static bool IsUrl(string reference, out Uri url)
    {
        // A Windows path ("C:/specs/a.yaml") parses as a URL with a one-letter scheme; it is a path.
        url = null!;
        var colon = reference.IndexOf(':');
        return colon > 1 && Uri.TryCreate(reference, UriKind.Absolute, out url!);
    }

    public static string Normalize(string path) => Collapse(path.Replace('\\', '/'));

    private static string Directory(string normalizedPath)
    {
        var slash = normalizedPath.LastIndexOf('/');
        return slash < 0 ? string.Empty : normalizedPath.Substring(0, slash + 1);
    }

    private static string FileName(string normalizedPath) => normalizedPath.Substring(normalizedPath.LastIndexOf('/') + 1);

    // Removes "." and ".." segments; a ".." above the root stays, so such a path matches no listed file.
    private static string Collapse(string path)
    {
        if (path.IndexOf("./", StringComparison.Ordinal) < 0 && !path.EndsWith(".", StringComparison.Ordinal))
        {
            return path;
        }

        var segments = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment == "." )
            {
                continue;
            }

            if (segment == ".." && segments.Count > 0 && segments[segments.Count - 1] is not ".." and not "")
            {
                segments.RemoveAt(segments.Count - 1);
                continue;
            }

            segments.Add(segment);
        }

        return string.Join("/", segments);
    }
}
