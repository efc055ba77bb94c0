using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;
using CrmSdkGen.Kernel;
using CrmSdkGen.Read;
using SharpYaml;

namespace CrmSdkGen.Overlay;

/// <summary>Reads an Overlay 1.0 or 1.1 document (JSON or YAML) into its actions; what is malformed is reported in the overlay file.</summary>
internal static class OverlayReader
{
    /// <summary>The actions, or null when the document cannot be used at all; <paramref name="extends"/> is its 'extends' URL, if any.</summary>
    public static List<OverlayAction>? Read(OverlayFile file, DiagnosticSink sink, out string? extends)
    {
        extends = null;
        JsonNode? root;
        try
        {
            root = SpecTrees.Parse(new SpecFile(file.Path, file.Text));
        }
        catch (JsonException exception)
        {
            sink.ReportAt(DiagnosticIds.InvalidOverlay, Severity.Error, "The overlay is not valid JSON: " + exception.Message, sink.Locator.At((int)(exception.LineNumber ?? 0), (int)(exception.BytePositionInLine ?? 0)));
            return null;
        }
        catch (YamlException exception)
        {
            sink.ReportAt(DiagnosticIds.InvalidOverlay, Severity.Error, "The overlay is not valid YAML: " + exception.Message, sink.Locator.At(exception.Start.Line, exception.Start.Column));
            return null;
        }
        catch (SpecLimitException exception)
        {
            sink.Report(DiagnosticIds.LimitExceeded, Severity.Error, exception.Message, "#");
            return null;
        }
        catch (ArgumentException exception)
        {
            sink.Report(DiagnosticIds.InvalidOverlay, Severity.Error, "The overlay cannot be read: " + exception.Message, "#");
            return null;
        }

        if (root is not JsonObject document || Text(document["overlay"]) is not { } version)
        {
            sink.Report(DiagnosticIds.InvalidOverlay, Severity.Error, "The file is not an overlay: it has no 'overlay' version (overlay: 1.0.0 or 1.1.0).", "#");
            return null;
        }

        if (!version.StartsWith("1.0.", StringComparison.Ordinal) && !version.StartsWith("1.1.", StringComparison.Ordinal))
        {
            sink.Report(DiagnosticIds.InvalidOverlay, Severity.Error, $"Overlay version '{version}' is not supported; the supported versions are 1.0.x and 1.1.x.", "#/overlay");
            return null;
        }

        if (document["info"] is not JsonObject info || Text(info["title"]) is null || info["version"] is not JsonValue)
        {
            sink.Report(DiagnosticIds.InvalidOverlay, Severity.Warning, "The overlay's 'info' needs a 'title' and a 'version'.", document["info"] is null ? "#/overlay" : "#/info");
        }

        extends = Text(document["extends"]);
        if (document["actions"] is not JsonArray actions || actions.Count == 0)
        {
            sink.Report(DiagnosticIds.InvalidOverlay, Severity.Error, "The overlay has no 'actions' (a list of at least one action).", document["actions"] is null ? "#/overlay" : "#/actions");
            return null;
        }

        var read = new List<OverlayAction>();
        for (var index = 0; index < actions.Count; index++)
        {
            var pointer = "#/actions/" + index;
            if (actions[index] is not JsonObject action || Text(action["target"]) is not { } target)
            {
                sink.Report(DiagnosticIds.InvalidOverlay, Severity.Error, $"Action {index} has no 'target' (a JSONPath query such as $.paths); it is skipped.", pointer);
                continue;
            }

            var remove = action["remove"] is JsonValue flag && flag.GetValueKind() == JsonValueKind.True;
            var hasUpdate = action.ContainsKey("update");
            var copy = Text(action["copy"]);
            if (hasUpdate && copy is not null && !remove)
            {
                sink.Report(DiagnosticIds.InvalidOverlay, Severity.Error, $"Action {index} has both 'update' and 'copy'; an action does one of them. It is skipped.", pointer + "/copy");
                continue;
            }

            if (!remove && !hasUpdate && copy is null)
            {
                sink.Report(DiagnosticIds.InvalidOverlay, Severity.Warning, $"Action {index} has no 'update', 'copy' or 'remove: true', so it changes nothing.", pointer);
                continue;
            }

            if (version.StartsWith("1.0.", StringComparison.Ordinal) && copy is not null && !hasUpdate && !remove)
            {
                sink.Report(DiagnosticIds.InvalidOverlay, Severity.Warning, $"Action {index} uses 'copy', which Overlay 1.1 added; declare 'overlay: 1.1.0'. It is applied.", pointer + "/copy");
            }

            read.Add(new OverlayAction(pointer, target, action["update"], hasUpdate, copy, remove));
        }

        return read;
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
