using System;

namespace CrmSdkGen.Overlay;

/// <summary>A JSONPath expression that is not RFC 9535 syntax, with the character position where reading stopped.</summary>
internal sealed class JsonPathException : Exception
{
    public JsonPathException(string message, int position)
        : base(message)
    {
        Position = position;
    }

    public int Position { get; }
}
