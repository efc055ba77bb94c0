using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using CrmSdkGen.Kernel;
using CrmSdkGen.Read;

namespace CrmSdkGen.Overlay;

/// <summary>
/// Applies overlays to a spec's JSON tree, in order: <c>update</c> merges an object into each selected object (members
/// replace, objects merge, arrays are replaced) or appends to each selected array; <c>copy</c> does the same with the
/// one node its query selects; <c>remove</c> takes each selected node out of its parent. Findings are located in the
/// overlay file.
/// </summary>
internal static class OverlayApplier
{
    /// <summary>Applies one overlay; <paramref name="warnUnmatched"/> is false for an overlay meant for every spec, where a miss is expected.</summary>
    public static void Apply(JsonNode root, IReadOnlyList<OverlayAction> actions, DiagnosticSink sink, string specName, bool warnUnmatched)
    {
        foreach (var action in actions)
        {
            var target = Parse(action.Target, action.Pointer + "/target", sink);
            if (target is null)
            {
                continue;
            }

            var matches = JsonPathEvaluator.Select(target, root);
            if (matches.Count == 0)
            {
                if (warnUnmatched)
                {
                    sink.Report(DiagnosticIds.OverlayTargetUnmatched, Severity.Warning, $"The target {action.Target} matches nothing in {specName}, so this action changes nothing: the spec may have changed since the overlay was written.", action.Pointer + "/target");
                }

                continue;
            }

            if (action.Remove)
            {
                Remove(matches, action, sink);
                continue;
            }

            var value = action.HasUpdate ? action.Update : Copied(root, action, sink);
            if (!action.HasUpdate && value is null)
            {
                continue;
            }

            foreach (var match in matches)
            {
                Update(match, value, action, sink);
            }
        }
    }

    private static JsonPathQuery? Parse(string query, string pointer, DiagnosticSink sink)
    {
        try
        {
            return JsonPathParser.Parse(query);
        }
        catch (JsonPathException exception)
        {
            sink.Report(DiagnosticIds.InvalidOverlay, Severity.Error, $"'{query}' is not an RFC 9535 JSONPath query: {exception.Message} (at character {exception.Position + 1}). The action is skipped.", pointer);
            return null;
        }
    }

    private static JsonNode? Copied(JsonNode root, OverlayAction action, DiagnosticSink sink)
    {
        var source = Parse(action.Copy!, action.Pointer + "/copy", sink);
        if (source is null)
        {
            return null;
        }

        var found = JsonPathEvaluator.Select(source, root);
        if (found.Count != 1)
        {
            sink.Report(DiagnosticIds.InvalidOverlay, Severity.Error, $"The copy source {action.Copy} selects {found.Count} nodes; it must select exactly one. The action is skipped.", action.Pointer + "/copy");
            return null;
        }

        // A copied null has nothing to merge or append; it is treated as a failed copy.
        return found[0].Value?.DeepClone();
    }

    private static void Update(JsonPathMatch match, JsonNode? value, OverlayAction action, DiagnosticSink sink)
    {
        switch (match.Value)
        {
            case JsonObject target when value is JsonObject members:
                Merge(target, members);
                break;
            case JsonArray list:
                list.Add(value?.DeepClone());
                break;
            case JsonObject:
                sink.Report(DiagnosticIds.InvalidOverlay, Severity.Error, $"The target {action.Target} selects an object, so the {(action.HasUpdate ? "update" : "copied node")} must be an object to merge into it; it is skipped there.", action.Pointer + (action.HasUpdate ? "/update" : "/copy"));
                break;
            default:
                sink.Report(DiagnosticIds.InvalidOverlay, Severity.Error, $"The target {action.Target} selects a value that is neither an object nor an array; select its parent and update the member there. It is skipped there.", action.Pointer + "/target");
                break;
        }
    }

    private static void Merge(JsonObject target, JsonObject members)
    {
        foreach (var member in members.ToList())
        {
            if (member.Value is JsonObject nested && target[member.Key] is JsonObject existing)
            {
                Merge(existing, nested);
            }
            else
            {
                target[member.Key] = member.Value?.DeepClone();
            }
        }
    }

    // Array items go from the last index back, so that removing one leaves the others' indexes as selected.
    private static void Remove(List<JsonPathMatch> matches, OverlayAction action, DiagnosticSink sink)
    {
        foreach (var match in matches.OrderByDescending(match => match.Index))
        {
            switch (match.Parent)
            {
                case JsonObject map when match.Name is not null:
                    map.Remove(match.Name);
                    break;
                case JsonArray list when match.Index >= 0 && match.Index < list.Count:
                    list.RemoveAt(match.Index);
                    break;
                default:
                    sink.Report(DiagnosticIds.InvalidOverlay, Severity.Error, "The root of the spec cannot be removed; the action is skipped.", action.Pointer + "/target");
                    break;
            }
        }
    }
}
