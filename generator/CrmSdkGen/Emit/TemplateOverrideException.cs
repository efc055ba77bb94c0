using System;
using CrmSdkGen.Kernel;

namespace CrmSdkGen.Emit;

/// <summary>A template override that does not parse or fails while rendering, with its zero-based position in its file.</summary>
internal sealed class TemplateOverrideException : Exception
{
    public TemplateOverrideException(TemplateOverride template, int line, int column, string detail, Exception? inner)
        : base($"The template override {template.Path} (replacing the built-in {template.Name}.sbn) failed at line {line + 1}, column {column + 1}: {detail}; the built-in template was used instead.", inner)
    {
        Template = template;
        Line = line;
        Column = column;
    }

    public TemplateOverride Template { get; }

    public int Line { get; }

    public int Column { get; }
}
