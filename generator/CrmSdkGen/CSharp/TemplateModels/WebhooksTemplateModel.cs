using System.Collections.Generic;

namespace CrmSdkGen.CSharp.TemplateModels;

/// <summary>What the Webhooks template receives: the static class with each webhook's payload parser and handler bridge.</summary>
internal sealed class WebhooksTemplateModel
{
    public string Namespace { get; set; } = string.Empty;
    public string Name { get; set; } = string.Empty;
    public string Title { get; set; } = string.Empty;
    public List<WebhookTemplateModel> Webhooks { get; } = new();
    public List<CodecField> Codecs { get; set; } = new();
}
