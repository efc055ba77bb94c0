using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using CrmSdkGen.Model;

namespace CrmSdkGen.Compare;

/// <summary>How an operation of the baseline was found again in the new spec.</summary>
internal enum OperationMatch
{
    /// <summary>The same method and path.</summary>
    Same,

    /// <summary>The same operation id under another method or path.</summary>
    ById,

    /// <summary>The same method and path shape (path parameters renamed, the API version in the path changed), with another operation id.</summary>
    ByShape,
}

/// <summary>Pairs the operations of a baseline with those of the new spec: by method and path, then by operation id, then by path shape.</summary>
internal static class OperationPairs
{
    private static readonly Regex PathParameter = new(@"\{[^}/]*\}", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    // A path segment that names an API version: v3, v2.1, 2026-09, 2026-09-beta, 2024-01-15.
    private static readonly Regex VersionSegment = new(@"^(v\d+(\.\d+)*|\d{4}-\d{2}(-\d{2})?(-[a-z]+)?)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));

    /// <summary>The new operation each old one became (null when it is gone), and the new operations no old one became.</summary>
    public static (List<(ApiOperation Old, ApiOperation? New, OperationMatch Match)> Pairs, List<ApiOperation> Added) Match(IReadOnlyList<ApiOperation> old, IReadOnlyList<ApiOperation> current)
    {
        var oldByKey = Distinct(old);
        var unmatched = Distinct(current);
        var pairs = new List<(ApiOperation Old, ApiOperation? New, OperationMatch Match)>();
        var pending = new List<ApiOperation>();
        foreach (var operation in oldByKey.Values)
        {
            if (unmatched.TryGetValue(operation.Key, out var same))
            {
                unmatched.Remove(operation.Key);
                pairs.Add((operation, same, OperationMatch.Same));
            }
            else
            {
                pending.Add(operation);
            }
        }

        // Each lookup is made once: a baseline of a large spec can leave hundreds of operations to pair.
        var byId = unmatched.Values.Where(candidate => candidate.OperationId is not null).GroupBy(candidate => candidate.OperationId!, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.ToList(), StringComparer.Ordinal);
        foreach (var operation in pending.ToList())
        {
            if (operation.OperationId is { } id && byId.TryGetValue(id, out var sameId) && sameId.Count == 1 && unmatched.Remove(sameId[0].Key))
            {
                pending.Remove(operation);
                pairs.Add((operation, sameId[0], OperationMatch.ById));
            }
        }

        var pendingShapes = pending.GroupBy(Shape, StringComparer.Ordinal).ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal);
        var byShape = unmatched.Values.GroupBy(Shape, StringComparer.Ordinal).ToDictionary(group => group.Key, group => group.ToList(), StringComparer.Ordinal);
        foreach (var operation in pending)
        {
            var shape = Shape(operation);
            if (pendingShapes[shape] == 1 && byShape.TryGetValue(shape, out var sameShape) && sameShape.Count == 1)
            {
                unmatched.Remove(sameShape[0].Key);
                pairs.Add((operation, sameShape[0], OperationMatch.ByShape));
            }
            else
            {
                pairs.Add((operation, null, OperationMatch.Same));
            }
        }

        return (pairs, current.Where(operation => unmatched.ContainsKey(operation.Key) && ReferenceEquals(unmatched[operation.Key], operation)).ToList());
    }

    /// <summary>The names of a path's parameters, in the order they appear in it.</summary>
    public static List<string> PathParameterNames(string path) =>
        PathParameter.Matches(path).Cast<Match>().Select(match => match.Value.Substring(1, match.Value.Length - 2)).ToList();

    /// <summary>Whether two operations differ at most in the names of their path parameters.</summary>
    public static bool SameShape(ApiOperation left, ApiOperation right) => Unnamed(left) == Unnamed(right);

    // The method and the path with its parameters unnamed: GET /contacts/{} for /contacts/{contactId} and /contacts/{id}.
    private static string Unnamed(ApiOperation operation) => operation.Method + " " + PathParameter.Replace(operation.Path.TrimEnd('/'), "{}");

    // The same without the path's version segments: GET /crm/objects/contacts/{} for /crm/v3/objects/contacts/{contactId}
    // and /crm/objects/2026-09-beta/contacts/{contactId}.
    private static string Shape(ApiOperation operation) =>
        operation.Method + " " + string.Join("/", PathParameter.Replace(operation.Path.TrimEnd('/'), "{}").Split('/').Where(segment => !VersionSegment.IsMatch(segment)));

    private static Dictionary<string, ApiOperation> Distinct(IReadOnlyList<ApiOperation> operations) =>
        operations.GroupBy(operation => operation.Key, StringComparer.Ordinal).ToDictionary(group => group.Key, group => group.First(), StringComparer.Ordinal);
}
