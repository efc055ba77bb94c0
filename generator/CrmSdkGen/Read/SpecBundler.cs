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
internal sealed class SpecBundler
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

    private JsonNode? VisitReference(JsonObject map, string reference, Place place)
    {
        if (reference.Length > SpecLimits.MaxNameLength)
        {
            _sink.Report(DiagnosticIds.LimitExceeded, Severity.Warning, $"A $ref of {reference.Length} characters is longer than {SpecLimits.MaxNameLength}; it is left out, and what it types accepts any value.", CurrentPointer());
            return new JsonObject();
        }

        var hash = reference.IndexOf('#');
        var filePart = hash < 0 ? reference : reference.Substring(0, hash);
        var fragment = hash < 0 ? string.Empty : reference.Substring(hash + 1);
        SpecFile? target;
        if (filePart.Length == 0)
        {
            target = place.File;
        }
        else
        {
            target = _files.Resolve(place.File.Path, filePart, out var ambiguous);
            if (ambiguous)
            {
                _sink.Report(DiagnosticIds.AmbiguousReference, Severity.Warning, $"The $ref '{Cut(reference)}' matches several listed files equally; it stays unresolved. List only one of them, or refer to it by a relative path.", CurrentPointer());
            }
        }

        if (target is null)
        {
            return Unresolved(reference, place);
        }

        if (string.Equals(target.Path, _root.Path, StringComparison.Ordinal))
        {
            return InternalReference(map, fragment, reference, place);
        }

        if (SchemaPositions.IsSchema(place.Key, place.InList, place.OuterKey, fragment))
        {
            if (Resolve(target, fragment) is null)
            {
                _sink.Report(DiagnosticIds.UnresolvedReference, Severity.Warning, $"The $ref '{Cut(reference)}' points at nothing in the file it names; what it types accepts any value (JsonElement).", CurrentPointer());
                return new JsonObject();
            }

            map["$ref"] = _schemasPointer + SpecPointer.Escape(Hoist(target, fragment));
            return map;
        }

        return Inline(map, target, fragment, reference, place);
    }

    // The reader resolves a reference to a named component only; what a deeper pointer reaches is a hoisted schema or a copy.
    private JsonNode? InternalReference(JsonObject map, string fragment, string reference, Place place)
    {
        if (_innerSchemas.TryGetValue(fragment, out var replacement))
        {
            map["$ref"] = replacement;
            return map;
        }

        if (!InternalPointers.IsDeep(fragment))
        {
            map["$ref"] = "#" + fragment;
            return map;
        }

        if (Resolve(_root, fragment) is null)
        {
            _sink.Report(DiagnosticIds.UnresolvedReference, Severity.Warning, $"The reference '{Cut(reference)}' points at nothing in the spec; what it types accepts any value.", CurrentPointer());
            return new JsonObject();
        }

        return Inline(map, _root, fragment, reference, place);
    }

    // The reader would look such a reference up by its component name in the other documents it holds, the root among
    // them, and type the member with a schema of the same name that is not the one meant; so it is cut here.
    private JsonNode? Unresolved(string reference, Place place)
    {
        var consequence = SchemaPositions.IsSchema(place.Key, place.InList, place.OuterKey, string.Empty)
            ? "what it types accepts any value (JsonElement)"
            : "it is left out";
        _sink.Report(DiagnosticIds.UnresolvedReference, Severity.Warning, $"The $ref '{Cut(reference)}' names a file that is not listed; {consequence}. List the file as a CrmSdkGenSpec item.", CurrentPointer());
        return new JsonObject();
    }

    private string Hoist(SpecFile file, string fragment)
    {
        if (!_hoisted.TryGetValue((file.Path, fragment), out var name))
        {
            name = _names.Claim(file, fragment);
            _hoisted[(file.Path, fragment)] = name;
            _pendingHoists.Enqueue((file, fragment, name));
        }

        return name;
    }

    private JsonNode? Inline(JsonObject map, SpecFile file, string fragment, string reference, Place place)
    {
        if (Resolve(file, fragment) is not { } target)
        {
            _sink.Report(DiagnosticIds.UnresolvedReference, Severity.Warning, $"The $ref '{Cut(reference)}' points at nothing in the file it names; it is left out.", CurrentPointer());
            return new JsonObject();
        }

        if (!_inlining.Add((file.Path, fragment)))
        {
            _sink.Report(DiagnosticIds.ReferenceCycle, Severity.Warning, $"The $ref '{Cut(reference)}' leads back to itself through references that are not schemas; it is left empty here.", CurrentPointer());
            return new JsonObject();
        }

        try
        {
            _copied += Size(target);
            if (_copied > _copyBudget)
            {
                _sink.Report(DiagnosticIds.LimitExceeded, Severity.Warning, $"Copying what the $ref '{Cut(reference)}' points at would make the bundled spec far larger than its files; it is left empty here.", CurrentPointer());
                return new JsonObject();
            }

            var copy = target.DeepClone();
            if (copy is JsonObject copied)
            {
                // OpenAPI 3.1 lets a reference override the summary and description of what it points at.
                foreach (var key in new[] { "summary", "description" })
                {
                    if (map[key] is { } value)
                    {
                        copied[key] = value.DeepClone();
                    }
                }
            }

            _routes.Add(CurrentPointer(), file.Path, "#" + fragment);
            return Visit(copy, place with { File = file });
        }
        finally
        {
            _inlining.Remove((file.Path, fragment));
        }
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
