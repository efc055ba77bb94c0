using CrmSdkGen.Kernel;

namespace CrmSdkGen.Read;

/// <summary>
/// Bounds on what one name or text of a spec may cost: generated code repeats names in many places, so a name of
/// millions of characters would make generation take gigabytes. Real APIs stay far below these.
/// </summary>
internal static class SpecLimits
{
    public const int MaxNameLength = 1024;
    public const int MaxDescriptionLength = 64 * 1024;

    /// <summary>The text, or its first <see cref="MaxDescriptionLength"/> characters with a finding at <paramref name="pointer"/>.</summary>
    public static string? Cut(string? text, DiagnosticSink sink, string pointer)
    {
        if (text is null || text.Length <= MaxDescriptionLength)
        {
            return text;
        }

        sink.Report(DiagnosticIds.LimitExceeded, Severity.Info, $"A description of {text.Length} characters is cut to its first {MaxDescriptionLength} in the generated documentation.", pointer);
        return text.Substring(0, MaxDescriptionLength);
    }
}
