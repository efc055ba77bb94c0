using System;
using System.Collections.Generic;
using System.Linq;
using CrmSdkGen.Model.Detection;
using Microsoft.OpenApi;

namespace CrmSdkGen.Model.Mapping;

/// <summary>
/// Names the records of a resource after it: a path with a collection (<c>/persons</c>) and an item below it
/// (<c>/persons/{id}</c>) is a resource, and the record its reads and writes answer with, bare or inside an envelope
/// (<c>{"data": ...}</c>), is a <c>Person</c>; the envelope is a <c>PersonResponse</c> or <c>PersonListResponse</c>.
/// </summary>
internal sealed class ResourceNaming
{
    private static readonly HashSet<string> MetadataProperties = new(StringComparer.OrdinalIgnoreCase)
        { "additional_data", "related_objects", "pagination", "paging", "meta", "metadata", "info", "links", "_links", "errors", "warnings", "page", "cursor", "included", "_embedded" };

    private readonly HashSet<string> _paths;

    public ResourceNaming(IEnumerable<string> paths) => _paths = new HashSet<string>(paths.Select(Normalize), StringComparer.Ordinal);

    /// <summary>The names to suggest for the schemas of the response of <paramref name="method"/> <paramref name="path"/>.</summary>
    public IEnumerable<(IOpenApiSchema Schema, NameHint Hint)> Suggest(string path, string method, IOpenApiSchema? response)
    {
        if (response is null || method is not ("GET" or "POST" or "PUT" or "PATCH") || Resource(path) is not { } resource)
        {
            yield break;
        }

        var isList = !IsParameter(Segments(path).Last());
        if (isList && method is "PUT" or "PATCH")
        {
            yield break;
        }

        var wantsArray = isList && method == "GET";
        var record = new NameHint(resource.Name, NameHint.Resource + resource.Depth);
        var root = SchemaFacts.Resolve(response);
        if (wantsArray && ArrayItem(root) is { } bareItem)
        {
            yield return (bareItem, record);
            yield break;
        }

        if (SchemaClassifier.Classify(root) != SchemaShape.Object)
        {
            yield break;
        }

        var properties = Properties(root);
        if (EnvelopeRecord(properties, wantsArray) is { } wrapped)
        {
            yield return (wrapped, record);
            yield return (root, new NameHint(resource.Name + (wantsArray ? "ListResponse" : "Response"), NameHint.FirstUse - 5));
        }
        else if (!wantsArray && properties.ContainsKey("id"))
        {
            yield return (root, record);
        }
    }

    /// <summary>The singular name of the resource a collection or item path belongs to, and how many path parameters enclose it.</summary>
    public (string Name, int Depth)? Resource(string path)
    {
        var segments = Segments(path);
        var collection = segments.Count > 0 && IsParameter(segments[segments.Count - 1]) ? segments.Take(segments.Count - 1).ToList() : segments;
        if (collection.Count == 0 || IsParameter(collection[collection.Count - 1]))
        {
            return null;
        }

        var normalized = Normalize("/" + string.Join("/", collection));
        if (!_paths.Contains(normalized) || !_paths.Contains(normalized + "/{}"))
        {
            return null;
        }

        var name = collection[collection.Count - 1];
        if (name.Length < 2 || char.IsDigit(name[0]) || (name[0] is 'v' or 'V' && name.Skip(1).All(c => char.IsDigit(c) || c == '.')) || !name.All(c => char.IsLetterOrDigit(c) || c is '_' or '-'))
        {
            return null;
        }

        return (Singular(name), collection.Count(IsParameter));
    }

    /// <summary>The English singular of the last word of a plural resource name: persons → person, activities → activity.</summary>
    public static string Singular(string word)
    {
        static bool EndsWith(string text, string suffix) => text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase);
        if (EndsWith(word, "people"))
        {
            return word.Substring(0, word.Length - 6) + (char.IsUpper(word[word.Length - 6]) ? "Person" : "person");
        }

        if (EndsWith(word, "ies") && word.Length > 4)
        {
            return word.Substring(0, word.Length - 3) + "y";
        }

        if (EndsWith(word, "sses") || EndsWith(word, "uses") || EndsWith(word, "xes") || EndsWith(word, "ches") || EndsWith(word, "shes"))
        {
            return word.Substring(0, word.Length - 2);
        }

        return EndsWith(word, "s") && !EndsWith(word, "ss") && !EndsWith(word, "us") && word.Length > 2 ? word.Substring(0, word.Length - 1) : word;
    }

    private static IOpenApiSchema? EnvelopeRecord(Dictionary<string, IOpenApiSchema> properties, bool wantsArray)
    {
        IOpenApiSchema? Candidate(IOpenApiSchema schema) => wantsArray ? ArrayItem(schema) : SchemaClassifier.Classify(schema) == SchemaShape.Object ? schema : null;
        foreach (var name in SyncRecordLocator.EnvelopeNames)
        {
            if (properties.TryGetValue(name, out var schema) && Candidate(SchemaFacts.Resolve(schema)) is { } record)
            {
                return record;
            }
        }

        if (properties.ContainsKey("id"))
        {
            return null;
        }

        var candidates = properties.Where(pair => !MetadataProperties.Contains(pair.Key))
            .Select(pair => Candidate(SchemaFacts.Resolve(pair.Value))).Where(record => record is not null).ToList();
        return candidates.Count == 1 ? candidates[0] : null;
    }

    private static IOpenApiSchema? ArrayItem(IOpenApiSchema schema) =>
        SchemaClassifier.Classify(schema) == SchemaShape.Array && schema.Items is { } items && SchemaFacts.Resolve(items) is var item
        && SchemaClassifier.Classify(item) == SchemaShape.Object
            ? item
            : null;

    // The properties of an object, through allOf.
    private static Dictionary<string, IOpenApiSchema> Properties(IOpenApiSchema schema)
    {
        var properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        var visited = new HashSet<IOpenApiSchema>();
        void Collect(IOpenApiSchema current, int depth)
        {
            if (depth > 8 || !visited.Add(current))
            {
                return;
            }

            foreach (var part in current.AllOf ?? new List<IOpenApiSchema>())
            {
                Collect(SchemaFacts.Resolve(part), depth + 1);
            }

            foreach (var pair in current.Properties ?? new Dictionary<string, IOpenApiSchema>())
            {
                properties[pair.Key] = pair.Value;
            }
        }

        Collect(schema, 0);
        return properties;
    }

    private static List<string> Segments(string path) => path.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries).ToList();

    private static bool IsParameter(string segment) => segment.StartsWith("{", StringComparison.Ordinal) && segment.EndsWith("}", StringComparison.Ordinal);

    private static string Normalize(string path) => "/" + string.Join("/", Segments(path).Select(segment => IsParameter(segment) ? "{}" : segment));
}
