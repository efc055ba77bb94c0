using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;
using CrmSdkGen.Kernel;
using SharpYaml;

namespace CrmSdkGen.Read;

/// <summary>The JSON trees of the files a bundle draws on, each read once; a file that cannot be read is reported in that file.</summary>
internal sealed class PartTrees
{
    private readonly Dictionary<string, JsonNode?> _trees = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SpecLocator> _locators = new(StringComparer.Ordinal);
    private readonly DiagnosticSink _sink;

    public PartTrees(DiagnosticSink sink) => _sink = sink;

    public SpecLocator LocatorOf(SpecFile file)
    {
        if (!_locators.TryGetValue(file.Path, out var locator))
        {
            _locators[file.Path] = locator = new SpecLocator(file.Text, SpecFormatDetector.Detect(file.Path, file.Text));
        }

        return locator;
    }

    public SpecLocator? LocatorOf(string path) => _locators.TryGetValue(path, out var locator) ? locator : null;

    /// <summary>The file's tree, or null when it cannot be read (reported once).</summary>
    public JsonNode? Get(SpecFile file)
    {
        if (!_trees.TryGetValue(file.Path, out var tree))
        {
            _trees[file.Path] = tree = Parse(file, report: true);
        }

        return tree;
    }

    /// <summary>Parses a file's text; findings are reported in the file when <paramref name="report"/> is set.</summary>
    public JsonNode? Parse(SpecFile file, bool report)
    {
        var locator = LocatorOf(file);
        try
        {
            return SpecTrees.Parse(file);
        }
        catch (JsonException exception) when (report)
        {
            Report(file, DiagnosticIds.SyntaxError, "The file is not valid JSON: " + exception.Message, locator.At((int)(exception.LineNumber ?? 0), (int)(exception.BytePositionInLine ?? 0)));
        }
        catch (YamlException exception) when (report)
        {
            Report(file, DiagnosticIds.SyntaxError, "The file is not valid YAML: " + exception.Message, locator.At(exception.Start.Line, exception.Start.Column));
        }
        catch (ArgumentException exception) when (report)
        {
            // System.Text.Json refuses an object with a key given twice.
            Report(file, DiagnosticIds.SyntaxError, "The file cannot be read: " + exception.Message, SourceSpan.Origin);
        }
        catch (SpecLimitException exception) when (report)
        {
            Report(file, DiagnosticIds.LimitExceeded, exception.Message, locator.At(exception.Line, exception.Column));
        }
        catch (Exception exception) when (!report && exception is JsonException or YamlException or SpecLimitException or ArgumentException)
        {
        }

        return null;
    }

    private void Report(SpecFile file, string id, string message, SourceSpan span) =>
        _sink.ReportIn(file.Path, id, id == DiagnosticIds.SyntaxError ? Severity.Error : Severity.Warning, message + " The references into it stay unresolved.", span);
}
