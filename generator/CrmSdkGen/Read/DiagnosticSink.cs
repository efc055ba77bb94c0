using System.Collections.Generic;
using CrmSdkGen.Model;

namespace CrmSdkGen.Read;

/// <summary>Collects findings about one spec file, located by JSON pointer or by line and column.</summary>
internal sealed class DiagnosticSink
{
    private readonly List<DiagnosticInfo> _items = new();

    // A schema is mapped again wherever allOf flattens it; its findings are still one finding each.
    private readonly HashSet<(string Id, string Message, string Pointer)> _reported = new();

    public DiagnosticSink(string filePath, SpecLocator locator)
    {
        FilePath = filePath;
        Locator = locator;
    }

    public string FilePath { get; }

    public SpecLocator Locator { get; }

    public IReadOnlyList<DiagnosticInfo> Items => _items;

    public void Report(string id, Severity severity, string message, string pointer)
    {
        if (_reported.Add((id, message, pointer)))
        {
            _items.Add(new DiagnosticInfo(id, severity, message, FilePath, Locator.Locate(pointer)));
        }
    }

    public void ReportAt(string id, Severity severity, string message, SourceSpan span) =>
        _items.Add(new DiagnosticInfo(id, severity, message, FilePath, span));
}
