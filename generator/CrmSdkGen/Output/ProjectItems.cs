using System.Threading;
using CrmSdkGen.Kernel;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CrmSdkGen.Output;

/// <summary>
/// Reads the project's items as the package's targets pass them (AdditionalFiles with metadata): specs, template
/// overrides and baselines.
/// </summary>
internal static class ProjectItems
{
    public static SpecSource? ToSpec(AdditionalText text, AnalyzerConfigOptionsProvider provider, CancellationToken cancellationToken)
    {
        var options = provider.GetOptions(text);
        if (!IsFlagged(options, "CrmSdkGenSpec"))
        {
            return null;
        }

        options.TryGetValue("build_metadata.AdditionalFiles.Namespace", out var targetNamespace);
        options.TryGetValue("build_metadata.AdditionalFiles.Baseline", out var baseline);
        options.TryGetValue("build_metadata.AdditionalFiles.Include", out var include);
        options.TryGetValue("build_metadata.AdditionalFiles.Exclude", out var exclude);
        provider.GlobalOptions.TryGetValue("build_property.MSBuildProjectDirectory", out var projectDirectory);
        options.TryGetValue("build_metadata.AdditionalFiles.ClientName", out var clientName);
        provider.GlobalOptions.TryGetValue("build_property.RootNamespace", out var rootNamespace);
        provider.GlobalOptions.TryGetValue("build_property.CrmSdkGenNullableWarnings", out var nullableWarnings);
        provider.GlobalOptions.TryGetValue("build_property.OutputType", out var outputType);
        provider.GlobalOptions.TryGetValue("build_property.CrmSdkGenSpecInExecutable", out var inExecutable);
        var content = text.GetText(cancellationToken)?.ToString() ?? string.Empty;
        return new SpecSource(text.Path, content, targetNamespace ?? string.Empty, clientName ?? string.Empty, rootNamespace ?? string.Empty)
        {
            BaselinePath = string.IsNullOrWhiteSpace(baseline) ? string.Empty : FullPath(projectDirectory, baseline!.Trim()),
            IncludeOperations = include?.Trim() ?? string.Empty,
            ExcludeOperations = exclude?.Trim() ?? string.Empty,
            NullableWarnings = string.Equals(nullableWarnings?.Trim(), "true", System.StringComparison.OrdinalIgnoreCase),
            InExecutable = outputType?.Trim() is { } kind && (string.Equals(kind, "Exe", System.StringComparison.OrdinalIgnoreCase) || string.Equals(kind, "WinExe", System.StringComparison.OrdinalIgnoreCase))
                && !string.Equals(inExecutable?.Trim(), "quiet", System.StringComparison.OrdinalIgnoreCase),
        };
    }

    public static bool IsFlagged(AnalyzerConfigOptions options, string name) =>
        options.TryGetValue("build_metadata.AdditionalFiles." + name, out var flag) && string.Equals(flag, "true", System.StringComparison.OrdinalIgnoreCase);

    private static string FullPath(string? directory, string path)
    {
        try
        {
            return System.IO.Path.GetFullPath(string.IsNullOrEmpty(directory) ? path : System.IO.Path.Combine(directory, path));
        }
        catch (System.ArgumentException)
        {
            return path;
        }
    }

    public static SpecFile? BaselineFor(SpecSource source, EquatableArray<SpecFile> baselines)
    {
        if (source.BaselinePath.Length == 0)
        {
            return null;
        }

        var wanted = source.BaselinePath.Replace('\\', '/');
        foreach (var file in baselines)
        {
            if (string.Equals(file.Path.Replace('\\', '/'), wanted, System.StringComparison.OrdinalIgnoreCase))
            {
                return file;
            }
        }

        return null;
    }

    public static OverlayFile? ToOverlay(AdditionalText text, AnalyzerConfigOptionsProvider provider, CancellationToken cancellationToken)
    {
        var options = provider.GetOptions(text);
        if (!IsFlagged(options, "CrmSdkGenOverlay"))
        {
            return null;
        }

        options.TryGetValue("build_metadata.AdditionalFiles.Spec", out var spec);
        provider.GlobalOptions.TryGetValue("build_property.MSBuildProjectDirectory", out var projectDirectory);
        var specPath = string.IsNullOrWhiteSpace(spec) ? string.Empty : string.IsNullOrEmpty(projectDirectory) ? spec!.Trim() : FullPath(projectDirectory, spec!.Trim());
        return new OverlayFile(text.Path, text.GetText(cancellationToken)?.ToString() ?? string.Empty, specPath);
    }

    /// <summary>The overlays for <paramref name="source"/>: those naming it in their Spec metadata and those naming none.</summary>
    public static EquatableArray<OverlayFile> OverlaysFor(SpecSource source, EquatableArray<OverlayFile> overlays)
    {
        var matching = new System.Collections.Generic.List<OverlayFile>();
        foreach (var overlay in overlays)
        {
            if (overlay.SpecPath.Length == 0 || Names(overlay.SpecPath, source.Path))
            {
                matching.Add(overlay);
            }
        }

        return matching.ToEquatableArray();
    }

    // The spec's full path, or a path that ends it ('specs/contacts.yaml', 'contacts.yaml') when the project folder is unknown.
    private static bool Names(string specMetadata, string specPath)
    {
        var wanted = specMetadata.Replace('\\', '/');
        var path = specPath.Replace('\\', '/');
        return string.Equals(wanted, path, System.StringComparison.OrdinalIgnoreCase)
            || path.EndsWith("/" + wanted.TrimStart('.', '/'), System.StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>CSG0023 for each overlay whose Spec metadata names no listed spec.</summary>
    public static EquatableArray<DiagnosticInfo> UnmatchedOverlays(EquatableArray<OverlayFile> overlays, System.Collections.Immutable.ImmutableArray<string> specPaths)
    {
        var findings = new System.Collections.Generic.List<DiagnosticInfo>();
        foreach (var overlay in overlays)
        {
            if (overlay.SpecPath.Length > 0 && !System.Linq.Enumerable.Any(specPaths, path => Names(overlay.SpecPath, path)))
            {
                findings.Add(new DiagnosticInfo(DiagnosticIds.OverlaySpecNotFound, Severity.Warning, $"The overlay's Spec '{overlay.SpecPath}' is not a CrmSdkGenSpec item of the project, so the overlay is not applied.", overlay.Path, SourceSpan.Origin));
            }
        }

        return findings.ToEquatableArray();
    }

    public static TemplateOverride? ToTemplate(AdditionalText text, AnalyzerConfigOptionsProvider provider, CancellationToken cancellationToken)
    {
        var options = provider.GetOptions(text);
        if (!IsFlagged(options, "CrmSdkGenTemplate"))
        {
            return null;
        }

        options.TryGetValue("build_metadata.AdditionalFiles.Spec", out var spec);
        var name = System.IO.Path.GetFileNameWithoutExtension(text.Path);
        return new TemplateOverride(name, text.Path, text.GetText(cancellationToken)?.ToString() ?? string.Empty, spec ?? string.Empty);
    }
}
