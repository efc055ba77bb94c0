using System;
using System.Collections.Generic;
using CrmSdkGen.Kernel;

namespace CrmSdkGen.Read;

/// <summary>
/// Finds where a JSON pointer lies in the spec text. The index is built on the first question only, because specs
/// without findings never need it and large specs make it costly.
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
    public SourceSpan Locate(string pointer)
    {
        var index = _index ??= BuildIndex();
        var segments = SpecPointer.Split(index.ContainsKey(pointer) ? pointer : Translate(pointer));
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

    public SourceSpan At(int line, int column) => Lines.Span(Lines.OffsetOf(line, column), 1);

    private string Translate(string pointer)
    {
        // Swagger 2.0 documents are read into the OpenAPI 3 shape; point back into the 2.0 layout where it differs.
        const string Components = "#/components/schemas/";
        if (pointer.StartsWith(Components, StringComparison.Ordinal) && _index!.ContainsKey("#/definitions"))
        {
            return "#/definitions/" + pointer.Substring(Components.Length);
        }

        return pointer;
    }

    private Dictionary<string, (int Start, int Length)> BuildIndex()
    {
        var index = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        try
        {
            if (_format == SpecFormat.Json)
            {
                JsonPointerIndexer.Fill(_text, index);
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
