using System.Collections.Generic;

namespace CrmSdkGen.CSharp.TemplateModels;

/// <summary>What the Enum template receives: a string enumeration as an open, string-backed struct.</summary>
internal sealed class EnumTemplateModel
{
    public string Namespace { get; set; } = string.Empty;
    public string Name { get; set; } = string.Empty;
    public string? Summary { get; set; }
    public bool Deprecated { get; set; }
    public List<EnumMemberTemplateModel> Members { get; } = new();
}

/// <summary>One known value of an enumeration.</summary>
internal sealed class EnumMemberTemplateModel
{
    public string Name { get; set; } = string.Empty;
    public string Value { get; set; } = string.Empty;
}
