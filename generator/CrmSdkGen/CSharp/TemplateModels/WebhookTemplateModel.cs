namespace CrmSdkGen.CSharp.TemplateModels;

/// <summary>
/// One webhook or callback: what the WebhookHandler template receives (the handler interface) and what the Webhooks
/// template lists (its payload parser and the bridge from the inbox's events to the handler).
/// </summary>
internal sealed class WebhookTemplateModel
{
    public string Namespace { get; set; } = string.Empty;

    /// <summary>"webhook" for a 3.1 webhook, "callback" for an operation's callback.</summary>
    public string Kind { get; set; } = "webhook";

    /// <summary>The webhook's or callback's key in the spec (raw).</summary>
    public string Key { get; set; } = string.Empty;

    /// <summary>The HTTP method it is sent with.</summary>
    public string Method { get; set; } = "POST";

    /// <summary>For a callback, the runtime expression of the URL it is sent to (raw).</summary>
    public string? Expression { get; set; }

    public string? Summary { get; set; }
    public string? Description { get; set; }
    public string? PayloadDescription { get; set; }
    public bool Deprecated { get; set; }

    public string InterfaceName { get; set; } = string.Empty;

    /// <summary>The class with the parser and the bridge (the Webhooks template's).</summary>
    public string HandlerClass { get; set; } = string.Empty;
    public string HandleMethod { get; set; } = string.Empty;
    public string ParseMethod { get; set; } = string.Empty;
    public string HandlerMethod { get; set; } = string.Empty;

    /// <summary>The type a handler gets: the payload, or for a payload that is an array (a batch), one item of it.</summary>
    public string PayloadType { get; set; } = string.Empty;

    /// <summary>What the parser returns: the payload, or for a batch the list of its items.</summary>
    public string ParseType { get; set; } = string.Empty;

    /// <summary>The codec of <see cref="PayloadType"/>.</summary>
    public string Codec { get; set; } = string.Empty;

    /// <summary>Whether the payload is an array whose items are handed over one at a time.</summary>
    public bool Each { get; set; }
}
