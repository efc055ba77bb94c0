namespace CrmSdkGen.Runtime.Validation;

/// <summary>One broken rule.</summary>
/// <param name="Path">Where, as a JSON Pointer from the validated model ("/emails/2").</param>
/// <param name="Rule">The schema keyword or rule that failed ("maxLength", "format", "required", or a custom rule's name).</param>
/// <param name="Value">The offending value as text, "***" for sensitive properties, null when there is none.</param>
/// <param name="Message">A readable explanation.</param>
public sealed record ValidationError(string Path, string Rule, string? Value, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{(Path.Length == 0 ? "/" : Path)}: {Message} ({Rule})";
}
