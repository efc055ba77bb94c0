using System.Text.Json.Nodes;

namespace CrmSdkGen.Overlay;

/// <summary>One action of an overlay as read, with the pointer of its entry in the overlay file for diagnostics.</summary>
internal sealed record OverlayAction(string Pointer, string Target, JsonNode? Update, bool HasUpdate, string? Copy, bool Remove);
