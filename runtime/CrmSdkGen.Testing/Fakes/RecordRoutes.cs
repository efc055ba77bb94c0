using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;

namespace CrmSdkGen.Testing.Fakes;

/// <summary>
/// Which operations keep records, by the REST shape of their paths: a collection path (<c>/contacts</c>) that has an
/// item path below it (<c>/contacts/{contactId}</c>) lists with GET and creates with POST; the item path reads with GET,
/// updates with PATCH, replaces with PUT and deletes with DELETE; POST to <c>/contacts/batch/{create|read|update|archive}</c>
/// does the same to each of its <c>inputs</c> (HubSpot's batch shape). Every other operation answers from the spec.
/// </summary>
internal static class RecordRoutes
{
    public static Dictionary<FakeOperation, (RecordKind Kind, string Collection)> Classify(IReadOnlyList<FakeOperation> operations)
    {
        var items = operations.Where(operation => ItemCollection(operation.PathTemplate) is not null).Select(operation => ItemCollection(operation.PathTemplate)!).ToHashSet(StringComparer.Ordinal);
        var kinds = new Dictionary<FakeOperation, (RecordKind, string)>();
        foreach (var operation in operations)
        {
            var template = operation.PathTemplate.TrimEnd('/');
            if (items.Contains(template))
            {
                var kind = operation.Method == HttpMethod.Get ? RecordKind.List : operation.Method == HttpMethod.Post ? RecordKind.Create : RecordKind.None;
                if (kind != RecordKind.None)
                {
                    kinds[operation] = (kind, template);
                }

                continue;
            }

            if (operation.Method == HttpMethod.Post && Batch(template, items) is { } batch)
            {
                kinds[operation] = batch;
                continue;
            }

            if (ItemCollection(template) is { } collection)
            {
                var kind = operation.Method.Method switch
                {
                    "GET" => RecordKind.Read,
                    "PATCH" => RecordKind.Update,
                    "PUT" => RecordKind.Replace,
                    "DELETE" => RecordKind.Delete,
                    _ => RecordKind.None,
                };
                if (kind != RecordKind.None)
                {
                    kinds[operation] = (kind, collection);
                }
            }
        }

        return kinds;
    }

    private static (RecordKind, string)? Batch(string template, HashSet<string> collections)
    {
        var marker = template.LastIndexOf("/batch/", StringComparison.Ordinal);
        if (marker <= 0 || !collections.Contains(template.Substring(0, marker)))
        {
            return null;
        }

        RecordKind? kind = template.Substring(marker + "/batch/".Length) switch
        {
            "create" => RecordKind.BatchCreate,
            "read" => RecordKind.BatchRead,
            "update" => RecordKind.BatchUpdate,
            "archive" or "delete" => RecordKind.BatchDelete,
            _ => null,
        };
        return kind is { } found ? (found, template.Substring(0, marker)) : null;
    }

    /// <summary>The collection an item path belongs to: the path without its last segment, when that is one whole parameter.</summary>
    public static string? ItemCollection(string template)
    {
        var trimmed = template.TrimEnd('/');
        var slash = trimmed.LastIndexOf('/');
        if (slash <= 0)
        {
            return null;
        }

        var last = trimmed.Substring(slash + 1);
        return last.StartsWith("{", StringComparison.Ordinal) && last.EndsWith("}", StringComparison.Ordinal) && last.IndexOf('}') == last.Length - 1 ? trimmed.Substring(0, slash) : null;
    }

    /// <summary>The name of the item path's parameter, such as <c>contactId</c>.</summary>
    public static string ItemParameter(string template)
    {
        var trimmed = template.TrimEnd('/');
        return trimmed.Substring(trimmed.LastIndexOf('/') + 2).TrimEnd('}');
    }
}
