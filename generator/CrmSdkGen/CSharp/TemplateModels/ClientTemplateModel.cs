using System.Collections.Generic;

namespace CrmSdkGen.CSharp.TemplateModels;

/// <summary>What the Client template receives: the root client with one property per operation group.</summary>
internal sealed class ClientTemplateModel
{
    public string Namespace { get; set; } = string.Empty;
    public string Name { get; set; } = string.Empty;

    /// <summary>The interface the client implements, for mocking: its groups as their interfaces.</summary>
    public string InterfaceName { get; set; } = string.Empty;
    public string OptionsName { get; set; } = string.Empty;
    public string Title { get; set; } = string.Empty;
    public string Version { get; set; } = string.Empty;
    public string? Summary { get; set; }
    public string? ServerUrl { get; set; }
    public List<GroupReferenceTemplateModel> Groups { get; } = new();
}

/// <summary>A sub-client as the root client exposes it.</summary>
internal sealed class GroupReferenceTemplateModel
{
    public string Property { get; set; } = string.Empty;
    public string ClassName { get; set; } = string.Empty;
    public string InterfaceName { get; set; } = string.Empty;
    public string Tag { get; set; } = string.Empty;
}
