using System.Collections.Generic;
using CrmSdkGen.CSharp.TemplateModels;
using CrmSdkGen.Model;

namespace CrmSdkGen.CSharp;

/// <summary>Projects the webhooks and callbacks of an API onto handler interfaces and one class of parsers and bridges.</summary>
internal sealed class WebhookProjector
{
    private readonly TypeMapper _types;

    public WebhookProjector(TypeMapper types) => _types = types;

    /// <param name="typeScope">The names of the root namespace's types, which the handler interfaces join.</param>
    public WebhooksTemplateModel? Project(IReadOnlyList<ApiWebhook> webhooks, string rootNamespace, string className, string title, NameScope typeScope)
    {
        if (webhooks.Count == 0)
        {
            return null;
        }

        var codecs = new CodecTable();
        var model = new WebhooksTemplateModel { Namespace = rootNamespace, Name = className, Title = title, Codecs = codecs.Fields };
        var members = new NameScope(new[] { className, "Equals", "GetHashCode", "GetType", "ReferenceEquals", "ToString" });
        foreach (var webhook in webhooks)
        {
            var name = Identifier.Pascal(webhook.Name, "Webhook");
            var suffix = webhook.Kind == ApiWebhookKind.Webhook ? "WebhookHandler" : "CallbackHandler";
            var each = webhook.Payload.Kind == ApiTypeKind.Array && webhook.Payload.Element is not null;
            var handled = each ? webhook.Payload.Element! : webhook.Payload;
            var payloadType = _types.DeclaredName(handled, handled.Nullable);
            model.Webhooks.Add(new WebhookTemplateModel
            {
                Namespace = rootNamespace,
                Kind = webhook.Kind == ApiWebhookKind.Webhook ? "webhook" : "callback",
                Key = webhook.Key,
                Method = webhook.Method,
                Expression = webhook.Expression,
                Summary = webhook.Summary,
                Description = webhook.Description,
                PayloadDescription = webhook.PayloadDescription,
                Deprecated = webhook.Deprecated,
                InterfaceName = typeScope.Claim("I" + name + suffix),
                HandlerClass = className,
                HandleMethod = "Handle" + name + "Async",
                ParseMethod = members.Claim("Parse" + name),
                HandlerMethod = members.Claim(name + "Handler"),
                PayloadType = payloadType,
                ParseType = each ? $"global::System.Collections.Generic.IReadOnlyList<{payloadType}>" : payloadType,
                Codec = _types.DeclaredCodec(handled, codecs),
                Each = each,
            });
        }

        return model;
    }
}
