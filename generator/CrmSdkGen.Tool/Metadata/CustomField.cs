using System.Text.Json.Nodes;

namespace CrmSdkGen.Tool.Metadata;

/// <summary>One field from a CRM's own metadata: its name on the wire and the schema its values have there.</summary>
internal sealed record CustomField(string WireName, JsonObject Schema);
