using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using CrmSdkGen.Kernel;
using CrmSdkGen.Read;

namespace CrmSdkGen.Overlay;

/// <summary>The overlays of one spec, applied in the project's item order to the spec's tree before it is read.</summary>
internal static class OverlaySet
{
    /// <summary>Applies every overlay for the spec to its tree; findings about them go to <paramref name="findings"/>, located in their files.</summary>
    public static bool Apply(JsonNode root, string specPath, EquatableArray<OverlayFile> overlays, List<DiagnosticInfo> findings)
    {
        var specName = System.IO.Path.GetFileName(specPath);
        var applied = false;
        foreach (var overlay in overlays)
        {
            var sink = new DiagnosticSink(overlay.Path, new SpecLocator(overlay.Text, SpecFormatDetector.Detect(overlay.Path, overlay.Text)));
            var actions = OverlayReader.Read(overlay, sink, out var extends);
            var named = overlay.SpecPath.Length > 0;
            if (actions is not null && (named || Extends(extends, specPath)))
            {
                OverlayApplier.Apply(root, actions, sink, specName, warnUnmatched: named || extends is not null);
                applied = true;
            }

            findings.AddRange(sink.Items);
        }

        return applied;
    }

    // Without Spec metadata, an overlay's 'extends' URL names the spec by its file name; without either, it applies to every spec.
    private static bool Extends(string? extends, string specPath)
    {
        if (extends is null)
        {
            return true;
        }

        var path = Uri.TryCreate(extends, UriKind.Absolute, out var absolute) ? absolute.AbsolutePath : extends;
        var name = path.Substring(path.LastIndexOfAny(new[] { '/', '\\' }) + 1);
        return string.Equals(name, System.IO.Path.GetFileName(specPath), StringComparison.OrdinalIgnoreCase);
    }
}
