namespace CrmSdkGen.CSharp.TemplateModels;

/// <summary>What the Registration template receives: the IServiceCollection extension that registers a client.</summary>
internal sealed class RegistrationTemplateModel
{
    public string Namespace { get; set; } = string.Empty;
    public string Name { get; set; } = string.Empty;
    public string MethodName { get; set; } = string.Empty;
    public string ClientName { get; set; } = string.Empty;
    public string OptionsName { get; set; } = string.Empty;
}
