using System;

namespace CrmSdkGen.Read;

/// <summary>Input that goes past one of the reader's bounds (nesting, size, expansion), at a zero-based line and column.</summary>
internal sealed class SpecLimitException : Exception
{
    public SpecLimitException(int line, int column, string message)
        : base(message)
    {
        Line = line;
        Column = column;
    }

    public int Line { get; }

    public int Column { get; }
}
