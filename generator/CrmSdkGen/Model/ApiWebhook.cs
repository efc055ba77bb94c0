namespace CrmSdkGen.Model;

/// <summary>Whether the API announces an event to every subscriber (3.1 <c>webhooks</c>) or to a URL an operation was given (<c>callbacks</c>).</summary>
internal enum ApiWebhookKind
{
    Webhook,
    Callback,
}

/// <summary>
/// A request the API sends to the integrator rather than receives: one method of a 3.1 webhook or of an operation's
/// callback, with the JSON payload a handler gets.
/// </summary>
/// <param name="Name">The webhook's key, or for a callback the operation's id (or method and path) and the callback's key.</param>
/// <param name="Key">The key the spec gives it: the webhook's name or the callback's.</param>
/// <param name="Expression">For a callback, the runtime expression of the URL it is sent to, such as <c>{$request.body#/callbackUrl}</c>.</param>
/// <param name="Payload">The body's type; for a body that is an array, the array (a batch of events).</param>
internal sealed record ApiWebhook(
    ApiWebhookKind Kind,
    string Name,
    string Key,
    string Method,
    string? Expression,
    string? Summary,
    string? Description,
    bool Deprecated,
    ApiType Payload,
    string? PayloadDescription);
