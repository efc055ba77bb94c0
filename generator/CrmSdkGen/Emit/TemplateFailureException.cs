using System;

namespace CrmSdkGen.Emit;

/// <summary>A template that does not parse or fails while rendering, with its name and zero-based position.</summary>
internal sealed class TemplateFailureException : Exception
{
    public TemplateFailureException(string template, int line, int column, string detail, Exception? inner)
        : base($"The template {template}.sbn failed at line {line + 1}, column {column + 1}: {detail}", inner)
    {
    }
}
