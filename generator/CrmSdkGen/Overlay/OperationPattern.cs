using System;
using System.Collections.Generic;
using System.Linq;

namespace CrmSdkGen.Overlay;

/// <summary>
/// One entry of Include or Exclude metadata: <c>/crm/v3/objects/contacts/**</c> or <c>GET,PATCH /contacts/*</c> (a path
/// glob, <c>*</c> one segment, <c>**</c> any number), <c>tag:Contacts</c>, or an operation id (<c>*</c> as a wildcard).
/// </summary>
internal sealed class OperationPattern
{
    private readonly string[]? _methods;
    private readonly string[]? _segments;
    private readonly string? _tag;
    private readonly string? _operationId;

    private OperationPattern(string text, string[]? methods, string[]? segments, string? tag, string? operationId)
    {
        Text = text;
        _methods = methods;
        _segments = segments;
        _tag = tag;
        _operationId = operationId;
    }

    public string Text { get; }

    public static List<OperationPattern> ParseAll(string metadata) =>
        (metadata ?? string.Empty).Split(new[] { ';', '\n' }, StringSplitOptions.RemoveEmptyEntries)
            .Select(entry => entry.Trim())
            .Where(entry => entry.Length > 0)
            .Select(Parse)
            .ToList();

    public bool Matches(string method, string path, string? operationId, IReadOnlyList<string> tags)
    {
        if (_tag is not null)
        {
            return tags.Any(tag => string.Equals(tag, _tag, StringComparison.OrdinalIgnoreCase));
        }

        if (_operationId is not null)
        {
            return operationId is not null && Glob(_operationId, operationId);
        }

        return (_methods is null || _methods.Contains(method, StringComparer.OrdinalIgnoreCase)) && PathMatches(_segments!, 0, path.Trim('/').Split('/'), 0);
    }

    private static OperationPattern Parse(string entry)
    {
        if (entry.StartsWith("tag:", StringComparison.OrdinalIgnoreCase))
        {
            return new OperationPattern(entry, null, null, entry.Substring(4).Trim(), null);
        }

        var slash = entry.IndexOf('/');
        if (slash < 0)
        {
            return new OperationPattern(entry, null, null, null, entry);
        }

        var methods = slash == 0 ? null : entry.Substring(0, slash).Split(new[] { ',', ' ' }, StringSplitOptions.RemoveEmptyEntries);
        return new OperationPattern(entry, methods is { Length: > 0 } ? methods : null, entry.Substring(slash).Trim().Trim('/').Split('/'), null, null);
    }

    private static bool PathMatches(string[] pattern, int at, string[] path, int from)
    {
        if (at == pattern.Length)
        {
            return from == path.Length;
        }

        if (pattern[at] == "**")
        {
            for (var skip = from; skip <= path.Length; skip++)
            {
                if (PathMatches(pattern, at + 1, path, skip))
                {
                    return true;
                }
            }

            return false;
        }

        return from < path.Length && Glob(pattern[at], path[from]) && PathMatches(pattern, at + 1, path, from + 1);
    }

    // '*' stands for any run of characters within one segment or id.
    private static bool Glob(string pattern, string text)
    {
        var parts = pattern.Split('*');
        if (parts.Length == 1)
        {
            return string.Equals(pattern, text, StringComparison.Ordinal);
        }

        var position = 0;
        for (var index = 0; index < parts.Length; index++)
        {
            var part = parts[index];
            var found = index == 0 ? (text.StartsWith(part, StringComparison.Ordinal) ? 0 : -1) : text.IndexOf(part, position, StringComparison.Ordinal);
            if (found < 0)
            {
                return false;
            }

            position = found + part.Length;
        }

        return parts[parts.Length - 1].Length == 0 || text.EndsWith(parts[parts.Length - 1], StringComparison.Ordinal) && position <= text.Length;
    }
}
