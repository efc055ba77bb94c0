using System;
using System.Collections.Generic;
using System.Linq;
using CrmSdkGen.Kernel;

namespace CrmSdkGen.Read;

/// <summary>
/// Collects findings about one spec file, located by JSON pointer or by line and column. Pointers are located when the
/// findings are read, all of a file in one pass over its text.
/// </summary>
internal sealed class DiagnosticSink
{
    private readonly List<Finding> _findings = new();
    private List<DiagnosticInfo>? _items;

    // A schema is mapped again wherever allOf flattens it; its findings are still one finding each.
    private readonly HashSet<(string Id, string Message, string Pointer)> _reported = new();

    public DiagnosticSink(string filePath, SpecLocator locator)
    {
        FilePath = filePath;
        Locator = locator;
    }

    public string FilePath { get; }

    public SpecLocator Locator { get; }

    public IReadOnlyList<DiagnosticInfo> Items => _items ??= Locate();

    private PointerRoutes? _routes;
    private Func<string, SpecLocator?>? _locatorOf;

    /// <summary>From now on, pointers are of a bundle: those that lead into another file are located there.</summary>
    public void UseRoutes(PointerRoutes routes, Func<string, SpecLocator?> locatorOf)
    {
        _routes = routes;
        _locatorOf = locatorOf;
    }

    public void Report(string id, Severity severity, string message, string pointer)
    {
        var filePath = FilePath;
        var locator = Locator;
        if (_routes is not null && _routes.TryRoute(pointer, out var path, out var filePointer))
        {
            if (path == FilePath)
            {
                // A schema the bundle moved or copied within the document itself is located where it stood.
                pointer = filePointer;
            }
            else if (_locatorOf!(path) is { } other)
            {
                (filePath, locator, pointer) = (path, other, filePointer);
            }
        }

        // Copies of one node report the same finding at the same place once.
        if (_reported.Add((id, message, filePath + pointer)))
        {
            Add(new Finding(id, severity, message, filePath, null, locator, pointer));
        }
    }

    /// <summary>A finding located in another file of the spec, such as a part that cannot be read.</summary>
    public void ReportIn(string filePath, string id, Severity severity, string message, SourceSpan span) =>
        Add(new Finding(id, severity, message, filePath, span, null, null));

    public void ReportAt(string id, Severity severity, string message, SourceSpan span) =>
        Add(new Finding(id, severity, message, FilePath, span, null, null));

    private void Add(Finding finding)
    {
        _findings.Add(finding);
        _items = null;
    }

    // The findings in the order they were reported, each file's pointers located together.
    private List<DiagnosticInfo> Locate()
    {
        var spans = new SourceSpan[_findings.Count];
        foreach (var group in _findings.Select((finding, position) => (finding, position)).Where(entry => entry.finding.Locator is not null).GroupBy(entry => entry.finding.Locator!))
        {
            var located = group.Key.LocateAll(group.Select(entry => entry.finding.Pointer!).ToList());
            var i = 0;
            foreach (var (_, position) in group)
            {
                spans[position] = located[i++];
            }
        }

        return _findings.Select((finding, position) => new DiagnosticInfo(finding.Id, finding.Severity, finding.Message, finding.FilePath, finding.Locator is null ? finding.Span! : spans[position])).ToList();
    }

    private sealed record Finding(string Id, Severity Severity, string Message, string FilePath, SourceSpan? Span, SpecLocator? Locator, string? Pointer);
}
