using System.Linq;
using CrmSdkGen.Generation;
using CrmSdkGen.Kernel;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CrmSdkGen.Output;

/// <summary>
/// The Roslyn adapter: turns each CrmSdkGenSpec item into a typed client. Every stage passes plain values, so an
/// edit elsewhere in the project re-runs nothing.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class CrmSdkGenGenerator : IIncrementalGenerator
{
    /// <summary>Tracking name of the step that reads spec items.</summary>
    public const string SpecStep = "CrmSdkGen.Spec";

    /// <summary>Tracking name of the step that builds the API description.</summary>
    public const string ModelStep = "CrmSdkGen.Model";

    /// <summary>Tracking name of the step that reads template overrides.</summary>
    public const string TemplatesStep = "CrmSdkGen.Templates";

    /// <summary>Tracking name of the step that renders files.</summary>
    public const string FilesStep = "CrmSdkGen.Files";

    /// <summary>Tracking name of the step that splits the output into single files.</summary>
    public const string FileStep = "CrmSdkGen.File";

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var items = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, cancellationToken) => ProjectItems.ToSpec(pair.Left, pair.Right, cancellationToken))
            .Where(static source => source is not null)
            .Select(static (source, _) => source!);

        // Listed files are sorted once into documents and parts; a document sees only the files its $refs reach.
        var catalog = items
            .Select(static (source, _) => new SpecFile(source.Path, source.Text))
            .Collect()
            .Select(static (all, _) => all.ToEquatableArray())
            .Select(static (all, _) => new SpecCatalog(all));

        // Previous versions of specs, named by a spec item's Baseline metadata, for the regeneration report.
        var baselines = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Where(static pair => ProjectItems.IsFlagged(pair.Right.GetOptions(pair.Left), "CrmSdkGenBaseline"))
            .Select(static (pair, cancellationToken) => new SpecFile(pair.Left.Path, pair.Left.GetText(cancellationToken)?.ToString() ?? string.Empty))
            .Collect()
            .Select(static (all, _) => all.ToEquatableArray());

        // Overlays in item order; each spec sees only those for it, so an edit to one re-models only the specs it targets.
        var overlays = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, cancellationToken) => ProjectItems.ToOverlay(pair.Left, pair.Right, cancellationToken))
            .Where(static overlay => overlay is not null)
            .Select(static (overlay, _) => overlay!)
            .Collect()
            .Select(static (all, _) => all.ToEquatableArray());

        var specs = items
            .Combine(catalog)
            .Select(static (pair, _) => pair.Right.Prepare(pair.Left))
            .Combine(baselines)
            .Select(static (pair, _) => pair.Left with { Baseline = ProjectItems.BaselineFor(pair.Left, pair.Right) })
            .Combine(overlays)
            .Select(static (pair, _) => pair.Left with { Overlays = ProjectItems.OverlaysFor(pair.Left, pair.Right) })
            .WithTrackingName(SpecStep);

        var strayOverlays = overlays
            .Combine(items.Select(static (source, _) => source.Path).Collect())
            .SelectMany(static (pair, _) => ProjectItems.UnmatchedOverlays(pair.Left, pair.Right));
        context.RegisterSourceOutput(strayOverlays, static (output, diagnostic) => output.ReportDiagnostic(ToDiagnostic(diagnostic)));

        var models = specs
            .Select(static (source, cancellationToken) => SdkGenerator.BuildModel(source, cancellationToken))
            .WithTrackingName(ModelStep);

        // Templates join after the model step: editing one re-renders, but never re-reads or re-models a spec.
        var templates = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, cancellationToken) => ProjectItems.ToTemplate(pair.Left, pair.Right, cancellationToken))
            .Where(static template => template is not null)
            .Select(static (template, _) => template!)
            .Collect()
            .Select(static (all, _) => all.OrderBy(template => template.Path, System.StringComparer.Ordinal).ToEquatableArray())
            .WithTrackingName(TemplatesStep);

        var results = models
            .Combine(templates)
            .Select(static (pair, cancellationToken) => SdkGenerator.Emit(pair.Left, pair.Right, cancellationToken))
            .WithTrackingName(FilesStep);

        var outputs = results.SelectMany(static (result, _) => result.Files).WithTrackingName(FileStep);
        context.RegisterSourceOutput(outputs, static (output, file) => output.AddSource(file.HintName, SourceText.From(file.Content, System.Text.Encoding.UTF8)));

        var diagnostics = results.SelectMany(static (result, _) => result.Diagnostics);
        context.RegisterSourceOutput(diagnostics, static (output, diagnostic) => output.ReportDiagnostic(ToDiagnostic(diagnostic)));
    }

    private static Diagnostic ToDiagnostic(DiagnosticInfo info)
    {
        var span = info.Span;
        var location = Location.Create(
            info.FilePath,
            new TextSpan(span.Start, span.Length),
            new LinePositionSpan(new LinePosition(span.StartLine, span.StartColumn), new LinePosition(span.EndLine, span.EndColumn)));
        return Diagnostic.Create(DiagnosticDescriptors.For(info.Id, info.Severity), location, info.Message);
    }
}
