using System.Collections.Generic;

namespace CrmSdkGen.CSharp.TemplateModels;

/// <summary>What the Security template receives: scheme descriptors and the requirement sets operations use.</summary>
internal sealed class SecurityTemplateModel
{
    public string Namespace { get; set; } = string.Empty;
    public string Name { get; set; } = string.Empty;
    public List<SchemeTemplateModel> Schemes { get; } = new();
    public List<RequirementTemplateModel> Requirements { get; } = new();
}

/// <summary>One security scheme.</summary>
internal sealed class SchemeTemplateModel
{
    public string Field { get; set; } = string.Empty;
    public string Key { get; set; } = string.Empty;
    public string Kind { get; set; } = string.Empty;
    public string? ParameterName { get; set; }
}

/// <summary>The alternatives of one operation's security, each a list of scheme fields.</summary>
internal sealed class RequirementTemplateModel
{
    public string Field { get; set; } = string.Empty;
    public List<List<string>> Alternatives { get; } = new();
}
