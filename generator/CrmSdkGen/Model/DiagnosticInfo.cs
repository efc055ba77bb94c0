namespace CrmSdkGen.Model;

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
internal sealed record DiagnosticInfo(string Id, Severity Severity, string Message, string FilePath, SourceSpan Span);
