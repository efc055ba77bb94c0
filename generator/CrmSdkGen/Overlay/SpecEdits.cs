using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using CrmSdkGen.Kernel;
using CrmSdkGen.Read;

namespace CrmSdkGen.Overlay;

/// <summary>What the project changes in a spec before it is read: its overlays, then its Include and Exclude metadata.</summary>
internal static class SpecEdits
{
    /// <summary>
    /// The edited spec as JSON text, or null when nothing edits it (or it cannot be parsed, which the reader then
    /// reports). Overlay findings go to <paramref name="findings"/>; filter findings to <paramref name="specSink"/>.
    /// </summary>
    public static string? Apply(SpecFile spec, EquatableArray<OverlayFile> overlays, string include, string exclude, List<DiagnosticInfo> findings, DiagnosticSink specSink)
    {
        if (overlays.Count == 0 && string.IsNullOrWhiteSpace(include) && string.IsNullOrWhiteSpace(exclude))
        {
            return null;
        }

        JsonNode? root;
        try
        {
            root = SpecTrees.Parse(spec);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The reader reports what is wrong with the text; the edits are not silently lost.
            specSink.ReportAt(DiagnosticIds.InvalidOverlay, Severity.Warning, "The spec could not be parsed for its overlays and Include/Exclude metadata, so none of them were applied: " + exception.Message, SourceSpan.Origin);
            return null;
        }

        if (root is null)
        {
            return null;
        }

        var overlaid = OverlaySet.Apply(root, spec.Path, overlays, findings);
        var filtered = OperationFilter.Apply(root, include, exclude, specSink);
        return overlaid || filtered ? root.ToJsonString() : null;
    }
}
