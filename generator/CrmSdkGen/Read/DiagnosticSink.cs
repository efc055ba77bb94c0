using System;
using System.Collections.Generic;
using CrmSdkGen.Kernel;

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
        if (!_reported.Add((id, message, pointer)))
        {
            return;
        }

        if (_routes is not null && _routes.TryRoute(pointer, out var path, out var filePointer) && path != FilePath && _locatorOf!(path) is { } locator)
        {
            _items.Add(new DiagnosticInfo(id, severity, message, path, locator.Locate(filePointer)));
            return;
        }

        _items.Add(new DiagnosticInfo(id, severity, message, FilePath, Locator.Locate(pointer)));
    }

    /// <summary>A finding located in another file of the spec, such as a part that cannot be read.</summary>
    public void ReportIn(string filePath, string id, Severity severity, string message, SourceSpan span) =>
        _items.Add(new DiagnosticInfo(id, severity, message, filePath, span));

    public void ReportAt(string id, Severity severity, string message, SourceSpan span) =>
        _items.Add(new DiagnosticInfo(id, severity, message, FilePath, span));
}
