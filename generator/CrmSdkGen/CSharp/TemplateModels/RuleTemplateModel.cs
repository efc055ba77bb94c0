namespace CrmSdkGen.CSharp.TemplateModels;

/// <summary>
/// One constraint of a property's schema, as data: what a template needs to write its own check instead of the built-in
/// statement (limits as C# literals, "null" where the schema sets none).
/// </summary>
internal sealed class RuleTemplateModel
{
    /// <summary>"required", "length", "pattern", "format", "range", "multiple_of", "items", "unique", "properties", "known" or "nested".</summary>
    public string Kind { get; set; } = string.Empty;

    /// <summary>The lower limit (length, range, items, properties), a C# literal or "null".</summary>
    public string Min { get; set; } = "null";

    /// <summary>The upper limit, a C# literal or "null".</summary>
    public string Max { get; set; } = "null";

    /// <summary>For a range: whether the limits themselves are excluded.</summary>
    public bool ExclusiveMin { get; set; }

    public bool ExclusiveMax { get; set; }

    /// <summary>The regular expression (pattern, raw) or the format name (format, raw); the step of multiple_of as a C# literal.</summary>
    public string? Argument { get; set; }
}
