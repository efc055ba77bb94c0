using System;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CrmSdkGen.Testing.Recording;

/// <summary>Applies <see cref="RedactionRules"/> to what a recording keeps.</summary>
internal sealed class Redactor(RedactionRules rules)
{
    public string Header(string name, string value) => rules.Headers.Contains(name) ? RedactionRules.Placeholder : value;

    /// <summary>A path and query with the values of listed query parameters replaced.</summary>
    public string PathAndQuery(Uri uri)
    {
        var query = uri.Query.TrimStart('?');
        return query.Length == 0 ? uri.AbsolutePath : uri.AbsolutePath + "?" + Pairs(query);
    }

    /// <summary>A body with listed JSON properties (or form fields) replaced; text that is neither is kept.</summary>
    public string? Body(string? text, string? mediaType)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        if (string.Equals(mediaType, "application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return Pairs(text);
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return text;
        }

        Redact(node);
        return node?.ToJsonString() ?? "null";
    }

    private string Pairs(string pairs) => string.Join("&", pairs.Split('&').Select(pair =>
    {
        var equals = pair.IndexOf('=');
        var name = Uri.UnescapeDataString(equals < 0 ? pair : pair.Substring(0, equals));
        return equals >= 0 && rules.QueryParameters.Contains(name) ? pair.Substring(0, equals) + "=" + Uri.EscapeDataString(RedactionRules.Placeholder) : pair;
    }));

    private void Redact(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject members:
                foreach (var name in members.Select(member => member.Key).ToList())
                {
                    if (rules.JsonProperties.Contains(name) && members[name] is JsonValue)
                    {
                        members[name] = RedactionRules.Placeholder;
                    }
                    else
                    {
                        Redact(members[name]);
                    }
                }

                break;
            case JsonArray items:
                foreach (var item in items)
                {
                    Redact(item);
                }

                break;
        }
    }
}
