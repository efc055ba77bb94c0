using System.Collections.Generic;

namespace CrmSdkGen.CSharp.TemplateModels;

/// <summary>What the Options template receives: the client's options with a credential per security scheme.</summary>
internal sealed class OptionsTemplateModel
{
    public string Namespace { get; set; } = string.Empty;
    public string Name { get; set; } = string.Empty;
    public string ClientName { get; set; } = string.Empty;
    public List<CredentialTemplateModel> Credentials { get; } = new();
}

/// <summary>The credential property of one security scheme.</summary>
internal sealed class CredentialTemplateModel
{
    public string Property { get; set; } = string.Empty;
    public string Type { get; set; } = string.Empty;
    public string Key { get; set; } = string.Empty;
    public string Summary { get; set; } = string.Empty;
}
