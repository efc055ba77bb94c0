using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace CrmSdkGen.Read;

/// <summary>
/// Moves the schemas that a document's own deep references point at (<c>#/components/schemas/Tag/allOf/0</c>) into
/// components of their own and leaves a reference where each stood: the reader resolves references to named components
/// only, and the schema then becomes one type wherever it is used.
/// </summary>
internal sealed class InnerSchemaHoister
{
    private readonly JsonObject _tree;
    private readonly JsonObject _schemas;
    private readonly Dictionary<string, string> _replacements = new(StringComparer.Ordinal);
    private readonly List<(string Spelling, string First)> _spellings = new();

    private InnerSchemaHoister(JsonObject tree, JsonObject schemas)
    {
        _tree = tree;
        _schemas = schemas;
    }

    /// <summary>
    /// Hoists the schemas at <paramref name="fragments"/> and gives, for each fragment that now has a named target, the
    /// reference to write instead; every hoisted schema is routed back to where it stood for locating findings.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Hoist(JsonObject tree, JsonObject schemas, string schemasPointer, HoistedNames names, IReadOnlyList<string> fragments, Action<string, string> route)
    {
        var hoister = new InnerSchemaHoister(tree, schemas);
        var moves = new List<(string Fragment, JsonNode Node, JsonNode Parent, string Key)>();
        var claimed = new HashSet<JsonNode>(new SameNode());
        foreach (var fragment in fragments)
        {
            hoister.Classify(fragment, moves, claimed);
        }

        // Every target is found before any is moved, so that pointers through a moved schema still lead where they did.
        foreach (var (fragment, node, parent, key) in moves)
        {
            var name = names.ClaimInner(fragment, (node as JsonObject)?["title"]);
            var reference = schemasPointer + SpecPointer.Escape(name);
            var placeholder = new JsonObject { ["$ref"] = reference };
            if (parent is JsonArray list)
            {
                list[int.Parse(key, System.Globalization.CultureInfo.InvariantCulture)] = placeholder;
            }
            else
            {
                ((JsonObject)parent)[key] = placeholder;
            }

            schemas[name] = node;
            route(reference, "#" + fragment);
            hoister._replacements[fragment] = reference;
        }

        foreach (var (spelling, first) in hoister._spellings)
        {
            hoister._replacements[spelling] = hoister._replacements[first];
        }

        return hoister._replacements;
    }

    private void Classify(string fragment, List<(string, JsonNode, JsonNode, string)> moves, HashSet<JsonNode> claimed)
    {
        var segments = SpecPointer.Split(fragment);
        var node = TreeWalk.Find(_tree, segments, out var parent);
        if (node is not JsonObject target || parent is null || ReferenceEquals(parent, _schemas))
        {
            return;
        }

        // A node that is itself a reference is copied where the pointer stands, and its reference followed from there.
        if (target.ContainsKey("$ref"))
        {
            return;
        }

        // A node with a parent lies at least one segment down; its parent's key is the empty root's for a top-level node.
        var last = segments[segments.Count - 1];
        var holder = segments.Count > 1 ? segments[segments.Count - 2] : string.Empty;
        var isSchema = parent is JsonArray ? SchemaPositions.IsSchema(holder, true, string.Empty, string.Empty) : SchemaPositions.IsSchema(last, false, holder, string.Empty);
        if (isSchema && claimed.Add(target))
        {
            moves.Add((fragment, target, parent, last));
        }
        else if (isSchema)
        {
            // Another spelling of a pointer already taken ("allOf/0" and "allOf/00") shares its schema.
            _spellings.Add((fragment, moves.Find(move => ReferenceEquals(move.Item2, target)).Item1));
        }
    }

    private sealed class SameNode : IEqualityComparer<JsonNode>
    {
        public bool Equals(JsonNode? x, JsonNode? y) => ReferenceEquals(x, y);

        public int GetHashCode(JsonNode obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }
}
