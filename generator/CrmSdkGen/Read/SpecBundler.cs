using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json.Nodes;
using CrmSdkGen.Kernel;

namespace CrmSdkGen.Read;

/// <summary>
/// Joins a document and the listed files its <c>$ref</c>s reach into one document with internal references only, before
/// the OpenAPI reader sees it: the reader then never follows a file, so cycles through files cannot recurse in it.
/// Schemas from other files are hoisted into the document's components under their own names (or their file's);
/// other referenced nodes (operations, parameters, responses, descriptions, code samples) are copied where they are
/// referenced, with cycles among them cut and reported. Schemas that the document's own references point at below a named
/// component are moved into components too. Every copied subtree keeps a route to its file and pointer.
/// </summary>
internal sealed partial class SpecBundler
{
    private const int MaxBundleDepth = 512;
    private readonly SpecFile _root;
    private readonly SpecFileSet _files;
    private readonly DiagnosticSink _sink;
    private readonly PartTrees _trees;
    private readonly PointerRoutes _routes = new();
    private readonly Dictionary<(string Path, string Fragment), string> _hoisted = new();
    private readonly Queue<(SpecFile File, string Fragment, string Name)> _pendingHoists = new();
    private readonly HoistedNames _names = new();
    private readonly HashSet<(string Path, string Fragment)> _inlining = new();
    private readonly List<string> _segments = new();
    private readonly long _copyBudget;
    private readonly string _schemasPointer;
    private JsonObject _schemas = null!;
    private IReadOnlyDictionary<string, string> _innerSchemas = new Dictionary<string, string>();
    private long _copied;

    private SpecBundler(SpecFile root, SpecFileSet files, DiagnosticSink sink, PartTrees trees, bool swagger)
    {
        _root = root;
        _files = files;
        _sink = sink;
        _trees = trees;
        _schemasPointer = swagger ? "#/definitions/" : "#/components/schemas/";
        _copyBudget = 50L * Math.Max(100_000, TotalLength(files));
    }

    /// <summary>The bundled document as JSON text, or null when the document needs no bundling or cannot be read as a tree.</summary>
    public static BundledSpec? Bundle(SpecFile root, IReadOnlyList<SpecFile> siblings, DiagnosticSink sink)
    {
        if (!ReferenceScanner.NeedsBundle(root.Text))
        {
            return null;
        }

        var files = new SpecFileSet(Prepend(root, siblings));
        // The root is read here without findings: when it cannot be read as a tree, the reader reports why.
        var trees = new PartTrees(sink);
        if (trees.Parse(root, report: false) is not JsonObject tree)
        {
            return null;
        }

        var swagger = tree.ContainsKey("swagger");
        var bundler = new SpecBundler(root, files, sink, trees, swagger);
        if (!bundler.TryFindSchemas(tree, swagger))
        {
            return null;
        }

        sink.UseRoutes(bundler._routes, path => bundler._trees.LocatorOf(path));
        bundler._innerSchemas = InnerSchemaHoister.Hoist(
            tree, bundler._schemas, bundler._schemasPointer, bundler._names, InternalPointers.DeepTargets(root.Text), (pointer, fragment) => bundler._routes.Add(pointer, root.Path, fragment));
        bundler.Run(tree);
        return new BundledSpec(tree.ToJsonString());
    }

    private bool TryFindSchemas(JsonObject tree, bool swagger)
    {
        JsonObject holder = tree;
        if (!swagger)
        {
            if (tree["components"] is null)
            {
                tree["components"] = new JsonObject();
            }

            if (tree["components"] is not JsonObject components)
            {
                return false;
            }

            holder = components;
        }

        var key = swagger ? "definitions" : "schemas";
        if (holder[key] is null)
        {
            holder[key] = new JsonObject();
        }

        if (holder[key] is not JsonObject schemas)
        {
            return false;
        }

        _schemas = schemas;
        foreach (var pair in schemas)
        {
            _names.Reserve(pair.Key);
        }

        return true;
    }

    private void Run(JsonObject tree)
    {
        Visit(tree, new Place(_root, string.Empty, false, string.Empty, 0));
        while (_pendingHoists.Count > 0)
        {
            var (file, fragment, name) = _pendingHoists.Dequeue();
            var target = Resolve(file, fragment);
            var copy = target?.DeepClone() ?? new JsonObject();
            _segments.Clear();
            _segments.AddRange(SpecPointer.Split(_schemasPointer + SpecPointer.Escape(name)));
            _routes.Add(CurrentPointer(), file.Path, "#" + fragment);
            _schemas[name] = Visit(copy, new Place(file, name, false, "schemas", _segments.Count));
        }
    }

    private JsonNode? Visit(JsonNode? node, Place place)
    {
        if (place.Depth > MaxBundleDepth)
        {
            _sink.Report(DiagnosticIds.LimitExceeded, Severity.Warning, $"The bundled spec nests deeper than {MaxBundleDepth} levels here; the rest of this node is left out.", CurrentPointer());
            return new JsonObject();
        }

        if (node is JsonObject map)
        {
            if (map["$ref"] is JsonValue reference && reference.TryGetValue<string>(out var target))
            {
                return VisitReference(map, target, place);
            }

            var keys = new List<string>();
            foreach (var pair in map)
            {
                keys.Add(pair.Key);
            }

            foreach (var key in keys)
            {
                VisitChild(map[key], place with { Key = key, InList = false, OuterKey = place.Key, Depth = place.Depth + 1 }, key, replaced => map[key] = replaced);
            }
        }
        else if (node is JsonArray list)
        {
            for (var i = 0; i < list.Count; i++)
            {
                var index = i;
                VisitChild(list[i], place with { InList = true, Depth = place.Depth + 1 }, i.ToString(System.Globalization.CultureInfo.InvariantCulture), replaced => list[index] = replaced);
            }
        }

        return node;
    }

    private void VisitChild(JsonNode? child, Place place, string segment, Action<JsonNode?> replace)
    {
        _segments.Add(segment);
        var visited = Visit(child, place);
        if (!ReferenceEquals(visited, child))
        {
            replace(visited?.Parent is null ? visited : visited.DeepClone());
        }

        _segments.RemoveAt(_segments.Count - 1);
    }

    private JsonNode? Resolve(SpecFile file, string fragment) => TreeWalk.Find(_trees.Get(file), SpecPointer.Split(fragment), out _);

    private string CurrentPointer() => SpecPointer.Join(_segments);

    private static long Size(JsonNode node) => node is JsonValue ? 1 : node.ToJsonString().Length;

    private static string Cut(string text) => text.Length > 200 ? text.Substring(0, 200) + "…" : text;

    private static long TotalLength(SpecFileSet files)
    {
        long total = 0;
        foreach (var file in files.Files)
        {
            total += file.Text.Length;
        }

        return total;
    }

    private static IEnumerable<SpecFile> Prepend(SpecFile root, IReadOnlyList<SpecFile> siblings)
    {
        yield return root;
        foreach (var sibling in siblings)
        {
            yield return sibling;
        }
    }

    private readonly record struct Place(SpecFile File, string Key, bool InList, string OuterKey, int Depth);
}
