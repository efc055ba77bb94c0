using System;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace CrmSdkGen.Model.Mapping;

/// <summary>
/// Header parameters named Accept, Content-Type or Authorization. OpenAPI 3 says to ignore them, since the body's media
/// type, the client and the credential set these headers; vendors still declare them as required with one fixed value
/// (PagerDuty's versioned Accept on every operation, Intercom's Accept for a download), which the server then expects.
/// </summary>
internal static class ReservedHeaders
{
    /// <summary>What becomes of a header parameter: null keeps it a parameter of the method.</summary>
    /// <returns>
    /// <see cref="ReservedHeaderUse.Ignored"/> for Authorization when the document declares a security scheme, and for
    /// Content-Type when the operation has a body; <see cref="ReservedHeaderUse.Fixed"/> (with the value) for Accept or
    /// Content-Type whose schema allows one value (a single enum value, else its default); otherwise null.
    /// </returns>
    public static ReservedHeaderUse? Use(IOpenApiParameter parameter, OpenApiDocument document, bool hasBody, out string fixedValue)
    {
        fixedValue = string.Empty;
        var name = parameter.Name ?? string.Empty;
        if (name.Equals("Authorization", StringComparison.OrdinalIgnoreCase))
        {
            return document.Components?.SecuritySchemes is { Count: > 0 } ? ReservedHeaderUse.Ignored : null;
        }

        var contentType = name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase);
        if (contentType && hasBody)
        {
            return ReservedHeaderUse.Ignored;
        }

        if (!contentType && !name.Equals("Accept", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var schema = parameter.Schema is null ? null : SchemaFacts.Resolve(parameter.Schema);
        var value = schema?.Enum is { Count: 1 } single ? single[0] : schema?.Default;
        if (value is JsonValue text && text.TryGetValue<string>(out var fixedText) && fixedText.Trim().Length > 0 && !HasControlCharacter(fixedText))
        {
            fixedValue = fixedText;
            return ReservedHeaderUse.Fixed;
        }

        return null;
    }

    // A line break would end the header; such a value stays the caller's to give.
    private static bool HasControlCharacter(string text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>How a reserved header parameter is handled.</summary>
internal enum ReservedHeaderUse
{
    /// <summary>Left out: something else sets the header.</summary>
    Ignored,

    /// <summary>Sent with its one allowed value, and not a parameter of the method.</summary>
    Fixed,
}
