using System.Linq;
using System.Text.Json;

namespace CrmSdkGen.Runtime.Http;

/// <summary>
/// The vendor's error code and message found in an error body, so that an exception can say what went wrong without
/// carrying the body (which may hold customer data) into its message. Reads the shapes CRMs answer with: a top-level
/// object (<c>message</c>, <c>code</c>, HubSpot's <c>category</c>, Pipedrive's <c>error</c> string), an <c>error</c>
/// object (Stripe, Dataverse, Graph), and the first entry of an array (Salesforce's top-level array, <c>errors</c>,
/// Zoho's <c>data</c>).
/// </summary>
internal readonly record struct ApiErrorSummary(string? Code, string? Message)
{
    private const int MaxFieldLength = 300;
    private const int MaxDepth = 3;
    private static readonly string[] CodeNames = { "errorCode", "error_code", "code", "category", "type" };
    private static readonly string[] MessageNames = { "message", "error_description", "detail", "title", "error", "error_message", "errorMessage" };
    private static readonly string[] NestedNames = { "error", "errors", "data", "fault" };

    public bool IsEmpty => Code is null && Message is null;

    public static ApiErrorSummary From(string body)
    {
        if (body.Length == 0 || body.TrimStart() is not { Length: > 0 } trimmed || (trimmed[0] != '{' && trimmed[0] != '['))
        {
            return default;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return Find(document.RootElement, 0);
        }
        catch (JsonException)
        {
            return default;
        }
    }

    private static ApiErrorSummary Find(JsonElement element, int depth)
    {
        if (depth > MaxDepth)
        {
            return default;
        }

        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                return Find(item, depth + 1);
            }

            return default;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return default;
        }

        var found = new ApiErrorSummary(FirstText(element, CodeNames, numbersToo: true), FirstText(element, MessageNames, numbersToo: false));
        if (found.Message is not null)
        {
            return found;
        }

        foreach (var name in NestedNames)
        {
            if (element.TryGetProperty(name, out var nested) && nested.ValueKind is JsonValueKind.Object or JsonValueKind.Array
                && Find(nested, depth + 1) is { IsEmpty: false } inner)
            {
                return new ApiErrorSummary(inner.Code ?? found.Code, inner.Message);
            }
        }

        return found;
    }

    private static string? FirstText(JsonElement element, string[] names, bool numbersToo)
    {
        foreach (var name in names)
        {
            if (!element.TryGetProperty(name, out var value))
            {
                continue;
            }

            var text = value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number when numbersToo => value.GetRawText(),
                _ => null,
            };
            if (!string.IsNullOrWhiteSpace(text))
            {
                return Shorten(text!.Trim());
            }
        }

        return null;
    }

    // The server's text goes into a message that is logged: control characters (line breaks, escape sequences) become
    // spaces, so a vendor message cannot forge log lines.
    private static string Shorten(string text)
    {
        var line = new string(text.Select(character => char.IsControl(character) ? ' ' : character).ToArray());
        return line.Length > MaxFieldLength ? line.Substring(0, MaxFieldLength) + "…" : line;
    }
}
