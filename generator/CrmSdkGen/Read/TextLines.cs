using System.Collections.Generic;
using CrmSdkGen.Kernel;

namespace CrmSdkGen.Read;

/// <summary>Turns character offsets into zero-based lines and columns.</summary>
internal sealed class TextLines
{
    private readonly List<int> _lineStarts = new() { 0 };
    private readonly int _length;

    public TextLines(string text)
    {
        _length = text.Length;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                _lineStarts.Add(i + 1);
            }
        }
    }

    public int OffsetOf(int line, int column)
    {
        if (line < 0)
        {
            return 0;
        }

        if (line >= _lineStarts.Count)
        {
            return _length;
        }

        var offset = _lineStarts[line] + column;
        return offset > _length ? _length : offset;
    }

    public SourceSpan Span(int start, int length)
    {
        if (start > _length)
        {
            start = _length;
        }

        if (start + length > _length)
        {
            length = _length - start;
        }

        var (startLine, startColumn) = Position(start);
        var (endLine, endColumn) = Position(start + length);
        return new SourceSpan(start, length, startLine, startColumn, endLine, endColumn);
    }

    private (int Line, int Column) Position(int offset)
    {
        var index = _lineStarts.BinarySearch(offset);
        var line = index >= 0 ? index : ~index - 1;
        return (line, offset - _lineStarts[line]);
    }
}
