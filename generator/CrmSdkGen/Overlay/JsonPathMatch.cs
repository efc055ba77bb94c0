using System.Text.Json.Nodes;

namespace CrmSdkGen.Overlay;

/// <summary>A node a query selected, with where it sits: its parent and its member name or array index (none for the root).</summary>
internal readonly record struct JsonPathMatch(JsonNode? Value, JsonNode? Parent, string? Name, int Index);
