namespace CrmSdkGen.CSharp.TemplateModels;

/// <summary>What the Registration template receives: the IServiceCollection extension that registers a client.</summary>
internal sealed class RegistrationTemplateModel
{
    public string Namespace { get; set; } = string.Empty;
    public string Name { get; set; } = string.Empty;
    public string MethodName { get; set; } = string.Empty;
    public string ClientName { get; set; } = string.Empty;
    public string OptionsName { get; set; } = string.Empty;

    /// <summary>The root client's interface, registered beside it.</summary>
    public string InterfaceName { get; set; } = string.Empty;

    /// <summary>The groups, whose interfaces are registered as the root client's properties.</summary>
    public System.Collections.Generic.List<GroupReferenceTemplateModel> Groups { get; set; } = new();
}
