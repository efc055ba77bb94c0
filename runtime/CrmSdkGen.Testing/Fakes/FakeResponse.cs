using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace CrmSdkGen.Testing.Fakes;

/// <summary>An answer an override gives in place of the one the fake would make from the spec.</summary>
public sealed class FakeResponse
{
    private FakeResponse(int status, JsonNode? body, string? text)
    {
        Status = status;
        Body = body;
        Text = text;
    }

    /// <summary>The status code.</summary>
    public int Status { get; }

    /// <summary>The JSON body, if any.</summary>
    public JsonNode? Body { get; }

    /// <summary>A body that is not JSON, if any.</summary>
    public string? Text { get; }

    /// <summary>Headers to send besides Content-Type.</summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>An answer with a JSON body.</summary>
    public static FakeResponse Json(int status, JsonNode? body) => new(status, body, null);

    /// <summary>An answer with a body of plain text.</summary>
    public static FakeResponse PlainText(int status, string text) => new(status, null, text ?? throw new ArgumentNullException(nameof(text)));

    /// <summary>An answer without a body.</summary>
    public static FakeResponse Empty(int status) => new(status, null, null);

    /// <summary>Adds a header to the answer.</summary>
    public FakeResponse WithHeader(string name, string value)
    {
        Headers[name] = value;
        return this;
    }
}
