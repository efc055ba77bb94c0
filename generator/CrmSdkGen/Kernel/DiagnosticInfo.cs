namespace CrmSdkGen.Kernel;

/// <summary>How serious a finding is; mirrors Roslyn's severities without depending on them.</summary>
internal enum Severity
{
    Info,
    Warning,
    Error,
}

/// <summary>A place in a spec or template file: zero-based lines and columns, as Roslyn counts them.</summary>
internal sealed record SourceSpan(int Start, int Length, int StartLine, int StartColumn, int EndLine, int EndColumn)
{
    public static SourceSpan Origin { get; } = new(0, 0, 0, 0, 0, 0);
}

/// <summary>A finding of the generator, carried through the pipeline as a value and reported by the Roslyn adapter.</summary>
internal sealed record DiagnosticInfo(string Id, Severity Severity, string Message, string FilePath, SourceSpan Span)
{
    /// <summary>
    /// The message, with line breaks, control and direction-changing characters masked: messages quote names and values
    /// from specs and templates, and one of them must not forge another line of build output.
    /// </summary>
    public string Message { get; init; } = Printable(Message.Length > MaxMessageLength ? Message.Substring(0, MaxMessageLength) + "…" : Message);

    // Messages quote names and references from the spec, which a broken spec can make millions of characters long.
    private const int MaxMessageLength = 2000;

    private static string Printable(string text)
    {
        foreach (var character in text)
        {
            if (IsMasked(character))
            {
                var builder = new System.Text.StringBuilder(text.Length);
                foreach (var each in text)
                {
                    builder.Append(IsMasked(each) ? '?' : each);
                }

                return builder.ToString();
            }
        }

        return text;
    }

    private static bool IsMasked(char character) =>
        char.IsControl(character) || character is '\u2028' or '\u2029' || (character >= '\u202A' && character <= '\u202E') || (character >= '\u2066' && character <= '\u2069');
}
