using System;
using System.Collections.Generic;
using CrmSdkGen.Kernel;

namespace CrmSdkGen.Read;

/// <summary>
/// Finds where JSON pointers lie in the spec text. Nothing is indexed until a question is asked, because specs without
/// findings never need it; a JSON spec is then read once per batch of questions, indexing only the nodes on the way to
/// them, and a YAML spec is indexed whole, once.
/// </summary>
internal sealed class SpecLocator
{
    private readonly string _text;
    private readonly SpecFormat _format;
    private Dictionary<string, (int Start, int Length)>? _index;
    private TextLines? _lines;

    public SpecLocator(string text, SpecFormat format)
    {
        _text = text;
        _format = format;
    }

    public TextLines Lines => _lines ??= new TextLines(_text);

    /// <summary>The span of the key that introduces the pointed-to node, or of its nearest existing ancestor.</summary>
    public SourceSpan Locate(string pointer) => LocateAll(new[] { pointer })[0];

    /// <summary>
    /// <see cref="Locate"/> for several pointers at once: a JSON spec is read once, indexing only the nodes on the way
    /// to them (a full index of a large spec holds a string per node); a YAML spec is indexed whole, once.
    /// </summary>
    public IReadOnlyList<SourceSpan> LocateAll(IReadOnlyList<string> pointers)
    {
        var index = _format == SpecFormat.Json ? BuildIndex(Wanted(pointers)) : _index ??= BuildIndex(null);
        var spans = new SourceSpan[pointers.Count];
        for (var i = 0; i < pointers.Count; i++)
        {
            spans[i] = Find(index, pointers[i]);
        }

        return spans;
    }

    private SourceSpan Find(Dictionary<string, (int Start, int Length)> index, string pointer)
    {
        var segments = SpecPointer.Split(index.ContainsKey(pointer) ? pointer : Translate(pointer, index));
        while (true)
        {
            if (index.TryGetValue(SpecPointer.Join(segments), out var found))
            {
                return Lines.Span(found.Start, found.Length);
            }

            if (segments.Count == 0)
            {
                return SourceSpan.Origin;
            }

            segments.RemoveAt(segments.Count - 1);
        }
    }

    // Each pointer and every ancestor of it, in the spec's own layout and in the Swagger 2.0 one it may translate to.
    private static HashSet<string> Wanted(IReadOnlyList<string> pointers)
    {
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pointer in pointers)
        {
            foreach (var candidate in new[] { pointer, Translated(pointer) })
            {
                var segments = SpecPointer.Split(candidate);
                for (var count = segments.Count; count >= 0 && wanted.Add(SpecPointer.Join(segments)); count--)
                {
                    if (count > 0)
                    {
                        segments.RemoveAt(count - 1);
                    }
                }
            }
        }

        return wanted;
    }

    public SourceSpan At(int line, int column) => Lines.Span(Lines.OffsetOf(line, column), 1);

    // Swagger 2.0 documents are read into the OpenAPI 3 shape; point back into the 2.0 layout where it differs.
    private static string Translate(string pointer, Dictionary<string, (int Start, int Length)> index) =>
        index.ContainsKey("#/definitions") ? Translated(pointer) : pointer;

    private static string Translated(string pointer)
    {
        const string Components = "#/components/schemas/";
        return pointer.StartsWith(Components, StringComparison.Ordinal) ? "#/definitions/" + pointer.Substring(Components.Length) : pointer;
    }

    private Dictionary<string, (int Start, int Length)> BuildIndex(ISet<string>? wanted)
    {
        var index = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        try
        {
            if (_format == SpecFormat.Json)
            {
                JsonPointerIndexer.Fill(_text, index, wanted);
            }
            else
            {
                YamlPointerIndexer.Fill(_text, index);
            }
        }
        catch (Exception)
        {
            // A text that cannot be indexed still gets located findings: at its ancestors, or at its start.
        }

        return index;
    }
}
