using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using CrmSdkGen.Kernel;
using CrmSdkGen.Read;

namespace CrmSdkGen.Overlay;

/// <summary>
/// The spec item's Include and Exclude metadata: operations kept by path glob (with methods), tag or operation id, then
/// the components only the removed operations reached dropped, so that a trimmed SDK compiles only what it uses.
/// </summary>
internal static class OperationFilter
{
    private static readonly string[] Methods = { "get", "put", "post", "delete", "options", "head", "patch", "trace" };

    public static bool Apply(JsonNode root, string include, string exclude, DiagnosticSink sink)
    {
        var includes = OperationPattern.ParseAll(include);
        var excludes = OperationPattern.ParseAll(exclude);
        if ((includes.Count == 0 && excludes.Count == 0) || root["paths"] is not JsonObject paths)
        {
            return false;
        }

        var used = new HashSet<OperationPattern>();
        Filter(paths, includes, excludes, used);

        // Webhooks are filtered as operations whose path is the webhook's name: with Include, only those an entry
        // names stay (GitHub's 270 x-webhooks would otherwise keep most of its models).
        foreach (var webhooks in new[] { root["webhooks"], root["x-webhooks"] }.OfType<JsonObject>())
        {
            Filter(webhooks, includes, excludes, used);
        }

        foreach (var pattern in includes.Concat(excludes).Where(pattern => !used.Contains(pattern)))
        {
            sink.ReportAt(DiagnosticIds.FilterUnmatched, Severity.Warning, $"The Include or Exclude entry '{pattern.Text}' matches no operation of the spec.", SourceSpan.Origin);
        }

        DropUnreached(root);
        return true;
    }

    private static void Filter(JsonObject items, List<OperationPattern> includes, List<OperationPattern> excludes, HashSet<OperationPattern> used)
    {
        foreach (var path in items.ToList())
        {
            if (path.Value is not JsonObject item)
            {
                continue;
            }

            foreach (var method in Methods.Where(item.ContainsKey))
            {
                var operation = item[method] as JsonObject;
                var id = Text(operation?["operationId"]);
                var tags = (operation?["tags"] as JsonArray)?.Select(Text).Where(tag => tag is not null).Select(tag => tag!).ToList() ?? new List<string>();
                var included = includes.Count == 0 || Matching(includes, method, path.Key, id, tags, used);
                if (!included || Matching(excludes, method, path.Key, id, tags, used))
                {
                    item.Remove(method);
                }
            }

            if (!Methods.Any(item.ContainsKey))
            {
                items.Remove(path.Key);
            }
        }
    }

    private static bool Matching(List<OperationPattern> patterns, string method, string path, string? id, List<string> tags, HashSet<OperationPattern> used)
    {
        var any = false;
        foreach (var pattern in patterns.Where(pattern => pattern.Matches(method, path, id, tags)))
        {
            used.Add(pattern);
            any = true;
        }

        return any;
    }

    // Components (and Swagger 2.0 definitions) that no kept operation, webhook or other kept component refers to.
    private static void DropUnreached(JsonNode root)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<JsonNode?>();
        foreach (var start in new[] { "paths", "webhooks", "security", "x-webhooks" })
        {
            pending.Push(root[start]);
        }

        pending.Push(root["components"]?["securitySchemes"]);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case JsonObject map:
                    foreach (var member in map)
                    {
                        if (member.Key == "$ref" && Text(member.Value) is { } reference)
                        {
                            Reach(root, reference, reached, pending);
                            continue;
                        }

                        // A discriminator's mapping names schemas by reference or by bare name.
                        if (member.Key == "mapping" && member.Value is JsonObject mapping)
                        {
                            foreach (var target in mapping.Select(entry => Text(entry.Value)).Where(target => target is not null))
                            {
                                Reach(root, target!.StartsWith("#", StringComparison.Ordinal) ? target : "#/components/schemas/" + target, reached, pending);
                            }
                        }

                        pending.Push(member.Value);
                    }

                    break;
                case JsonArray list:
                    foreach (var entry in list)
                    {
                        pending.Push(entry);
                    }

                    break;
            }
        }

        foreach (var (section, owner) in Sections(root))
        {
            foreach (var name in section.Select(entry => entry.Key).ToList())
            {
                if (!reached.Contains(owner + "/" + SpecPointer.Escape(name)))
                {
                    section.Remove(name);
                }
            }
        }
    }

    private static void Reach(JsonNode root, string reference, HashSet<string> reached, Stack<JsonNode?> pending)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            return;
        }

        // Compared by the escaped names the sections are listed under, whichever way the reference encoded them.
        var segments = reference.Substring(2).Split('/').Select(segment => Uri.UnescapeDataString(segment).Replace("~1", "/").Replace("~0", "~")).ToArray();
        var depth = segments.Length >= 3 && segments[0] == "components" ? 3 : segments.Length >= 2 && segments[0] is "definitions" or "parameters" or "responses" ? 2 : 0;
        if (depth == 0 || !reached.Add("#/" + string.Join("/", segments.Take(depth).Select(SpecPointer.Escape))))
        {
            return;
        }

        JsonNode? node = root;
        foreach (var segment in segments.Take(depth))
        {
            node = node?[segment];
        }

        pending.Push(node);
    }

    private static IEnumerable<(JsonObject Section, string Owner)> Sections(JsonNode root)
    {
        if (root["components"] is JsonObject components)
        {
            foreach (var kind in new[] { "schemas", "responses", "parameters", "examples", "requestBodies", "headers", "links", "callbacks", "pathItems" })
            {
                if (components[kind] is JsonObject section)
                {
                    yield return (section, "#/components/" + kind);
                }
            }
        }

        foreach (var kind in new[] { "definitions", "parameters", "responses" })
        {
            if (root[kind] is JsonObject section)
            {
                yield return (section, "#/" + kind);
            }
        }
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
