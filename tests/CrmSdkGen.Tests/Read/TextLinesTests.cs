using CrmSdkGen.Read;

namespace CrmSdkGen.Tests.Read;

/// <summary>Offsets and spans of findings stay inside the text, whatever line and column a reader reports.</summary>
public sealed class TextLinesTests
{
    private const string Text = "ab\ncdef\ng";

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(0, 1, 1)]
    [InlineData(1, 2, 5)]
    [InlineData(2, 0, 8)]
    [InlineData(-1, 4, 0)]
    [InlineData(3, 0, 9)]
    [InlineData(7, 7, 9)]
    [InlineData(2, 40, 9)]
    public void A_line_and_column_become_an_offset_within_the_text(int line, int column, int offset)
    {
        Assert.Equal(offset, new TextLines(Text).OffsetOf(line, column));
    }

    [Theory]
    [InlineData(3, 2, 3, 2, 1, 0, 1, 2)]
    [InlineData(4, 100, 4, 5, 1, 1, 2, 1)]
    [InlineData(50, 3, 9, 0, 2, 1, 2, 1)]
    [InlineData(9, 0, 9, 0, 2, 1, 2, 1)]
    public void A_span_is_cut_at_the_end_of_the_text(int start, int length, int cutStart, int cutLength, int startLine, int startColumn, int endLine, int endColumn)
    {
        var span = new TextLines(Text).Span(start, length);

        Assert.Equal((cutStart, cutLength, startLine, startColumn, endLine, endColumn), (span.Start, span.Length, span.StartLine, span.StartColumn, span.EndLine, span.EndColumn));
    }
}
