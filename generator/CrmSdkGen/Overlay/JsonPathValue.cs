using System.Text.Json.Nodes;

namespace CrmSdkGen.Overlay;

/// <summary>What a comparable evaluates to: a JSON value (null included), RFC 9535's Nothing, or a logical result.</summary>
internal readonly struct JsonPathValue
{
    private JsonPathValue(bool exists, JsonNode? node, bool? logical)
    {
        Exists = exists;
        Node = node;
        LogicalResult = logical;
    }

    public static JsonPathValue Nothing => default;

    public bool Exists { get; }

    public JsonNode? Node { get; }

    public bool? LogicalResult { get; }

    public static JsonPathValue Of(JsonNode? node) => new(true, node, null);

    public static JsonPathValue Logical(bool result) => new(false, null, result);
}
