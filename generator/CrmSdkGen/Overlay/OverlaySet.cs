using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;
using CrmSdkGen.Kernel;
using CrmSdkGen.Read;

namespace CrmSdkGen.Overlay;

/// <summary>The overlays of one spec, applied in the project's item order to the spec's text before it is read.</summary>
internal static class OverlaySet
{
    /// <summary>
    /// The spec as JSON text with every overlay applied, or null when none applies (or the spec cannot be parsed, which
    /// the reader then reports). Findings about the overlays go to <paramref name="findings"/>, located in their files.
    /// </summary>
    public static string? Apply(string specPath, string specText, EquatableArray<OverlayFile> overlays, List<DiagnosticInfo> findings)
    {
        if (overlays.Count == 0)
        {
            return null;
        }

        JsonNode? root;
        try
        {
            root = SpecFormatDetector.Detect(specPath, specText) == SpecFormat.Yaml
                ? YamlTree.Parse(specText, Math.Max(100_000, specText.Length))
                : JsonNode.Parse(specText.TrimStart('\uFEFF'), documentOptions: new JsonDocumentOptions { MaxDepth = YamlTree.MaxDepth, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return null;
        }

        if (root is null)
        {
            return null;
        }

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

        return applied ? root.ToJsonString() : null;
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
