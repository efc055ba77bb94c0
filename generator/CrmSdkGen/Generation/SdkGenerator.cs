using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CrmSdkGen.Compare;
using CrmSdkGen.CSharp;
using CrmSdkGen.Emit;
using CrmSdkGen.Kernel;
using CrmSdkGen.Model;
using CrmSdkGen.Model.Mapping;
using CrmSdkGen.Overlay;
using CrmSdkGen.Read;

namespace CrmSdkGen.Generation;

/// <summary>
/// The generator's core as a plain function: spec text and options in, files and diagnostics out. The Roslyn adapter,
/// tests and benchmarks all call it; it never throws except for cancellation.
/// </summary>
internal static class SdkGenerator
{
    // Past about a megabyte of spec, the SDK's compile dominates an app's rebuild (Pipedrive's 3.3 MB: 25-34 s).
    private const long LargeSpecCharacters = 1_000_000;

    public static GenerationResult Generate(SpecSource source, CancellationToken cancellationToken = default) =>
        Emit(BuildModel(source, cancellationToken), EquatableArray<TemplateOverride>.Empty, cancellationToken);

    /// <summary>Stages 1 and 2: read the spec and build its API description.</summary>
    public static ModelResult BuildModel(SpecSource source, CancellationToken cancellationToken)
    {
        if (source.Role == SpecRole.Undecided)
        {
            source = new SpecCatalog(source.Siblings.Prepend(new SpecFile(source.Path, source.Text)).ToList()).Prepare(source);
        }

        if (source.Role is SpecRole.Part or SpecRole.Unreferenced)
        {
            var findings = source.Role == SpecRole.Part ? EquatableArray<DiagnosticInfo>.Empty : new[]
            {
                new DiagnosticInfo(DiagnosticIds.UnreferencedFile, Severity.Warning, "The file is listed as a spec but is not an OpenAPI or Swagger document, and no listed document refers to it; it is skipped.", source.Path, SourceSpan.Origin),
            }.ToEquatableArray();
            return new ModelResult(source.Path, null, string.Empty, string.Empty, findings);
        }

        var format = SpecFormatDetector.Detect(source.Path, source.Text);
        var sink = new DiagnosticSink(source.Path, new SpecLocator(source.Text, format));
        var targetNamespace = NamingDefaults.Namespace(source);
        if (!string.IsNullOrWhiteSpace(source.Namespace) && targetNamespace != source.Namespace.Trim())
        {
            sink.ReportAt(DiagnosticIds.InvalidMetadata, Severity.Warning, $"The Namespace '{source.Namespace}' is not a valid C# namespace; '{targetNamespace}' is used.", SourceSpan.Origin);
        }

        ApiDescription? api = null;
        var overlayFindings = new List<DiagnosticInfo>();
        try
        {
            // Edited, the spec is read as JSON; its findings keep their pointers, located in the spec as written.
            var overlaid = SpecEdits.Apply(new SpecFile(source.Path, source.Text), source.Overlays, source.IncludeOperations, source.ExcludeOperations, overlayFindings, sink);
            var document = SpecReader.Read(overlaid ?? source.Text, overlaid is null ? format : SpecFormat.Json, sink, source.Siblings);
            if (document is not null)
            {
                api = ModelBuilder.Build(document, sink, cancellationToken);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            sink.ReportAt(DiagnosticIds.InternalError, Severity.Error, "The generator failed on this spec: " + Describe(exception), SourceSpan.Origin);
            api = null;
        }

        if (api is not null && source.BaselinePath.Length > 0)
        {
            Report(source, api, sink, cancellationToken);
        }

        var specSize = source.Text.Length + source.Siblings.Sum(sibling => (long)sibling.Text.Length);
        if (source.InExecutable && specSize > LargeSpecCharacters && api is not null)
        {
            sink.ReportAt(
                DiagnosticIds.SpecInExecutable,
                Severity.Info,
                $"This spec ({specSize / 1_000_000.0:F1} MB) is generated inside an executable project, so every edit of the app's code compiles the whole SDK again. Put the CrmSdkGenSpec item in a class library that the app references (README, 'A fast inner loop'), or set the property CrmSdkGenSpecInExecutable to quiet.",
                SourceSpan.Origin);
        }

        var clientName = NamingDefaults.ClientName(source.ClientName, api?.Title ?? "Api");
        if (!string.IsNullOrWhiteSpace(source.ClientName) && clientName != source.ClientName.Trim())
        {
            sink.ReportAt(DiagnosticIds.InvalidMetadata, Severity.Warning, $"The ClientName '{source.ClientName}' is not a valid C# identifier; '{clientName}' is used.", SourceSpan.Origin);
        }

        return new ModelResult(source.Path, api, targetNamespace, clientName, sink.Items.Concat(overlayFindings).ToEquatableArray()) { NullableWarnings = source.NullableWarnings };
    }

    // The regeneration report: the baseline is read and modelled like the spec, its own findings dropped.
    private static void Report(SpecSource source, ApiDescription api, DiagnosticSink sink, CancellationToken cancellationToken)
    {
        if (source.Baseline is not { Text.Length: > 0 } baseline)
        {
            sink.ReportAt(DiagnosticIds.BaselineNotFound, Severity.Warning, $"The Baseline '{source.BaselinePath}' is missing, empty or not a file of the project; no regeneration report was made.", SourceSpan.Origin);
            return;
        }

        var format = SpecFormatDetector.Detect(baseline.Path, baseline.Text);
        var baselineSink = new DiagnosticSink(baseline.Path, new SpecLocator(baseline.Text, format));
        try
        {
            // The baseline gets the same overlays and filters, so that the report compares what the client was generated from.
            var overlaid = SpecEdits.Apply(baseline, source.Overlays, source.IncludeOperations, source.ExcludeOperations, new List<DiagnosticInfo>(), baselineSink);
            if (SpecReader.Read(overlaid ?? baseline.Text, overlaid is null ? format : SpecFormat.Json, baselineSink, EquatableArray<SpecFile>.Empty) is { } document)
            {
                SpecComparer.Compare(ModelBuilder.Build(document, baselineSink, cancellationToken), api, sink);
                return;
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            baselineSink.ReportAt(DiagnosticIds.InternalError, Severity.Error, Describe(exception), SourceSpan.Origin);
        }

        sink.ReportAt(DiagnosticIds.BaselineNotFound, Severity.Warning, $"The Baseline '{source.BaselinePath}' could not be read as a spec; no regeneration report was made.", SourceSpan.Origin);
    }

    /// <summary>Stages 3 and 4 with the built-in templates only.</summary>
    public static GenerationResult Emit(ModelResult model, CancellationToken cancellationToken) =>
        Emit(model, EquatableArray<TemplateOverride>.Empty, cancellationToken);

    /// <summary>Stages 3 and 4: project the description to C# and render every file, with the project's template overrides.</summary>
    public static GenerationResult Emit(ModelResult model, EquatableArray<TemplateOverride> templates, CancellationToken cancellationToken)
    {
        var diagnostics = new List<DiagnosticInfo>(model.Diagnostics);
        var files = new List<GeneratedFile>();
        if (model.Api is null)
        {
            return new GenerationResult(files.ToEquatableArray(), diagnostics.ToEquatableArray());
        }

        try
        {
            // A spec's own override of a template wins over the project-wide one.
            var overrides = templates.Where(template => template.AppliesTo(model.SpecPath)).OrderBy(template => template.Spec.Length);
            var renderer = new TemplateRenderer(overrides, model.NullableWarnings);
            var failed = new HashSet<string>(StringComparer.Ordinal);
            foreach (var file in CSharpProjection.Project(model.Api, model.Namespace, model.ClientName))
            {
                cancellationToken.ThrowIfCancellationRequested();
                string content;
                try
                {
                    content = renderer.Render(file.Template, file.Model);
                }
                catch (TemplateOverrideException failure)
                {
                    // A broken override is reported once, at its place, and the built-in template keeps the build going.
                    if (failed.Add(failure.Template.Path))
                    {
                        diagnostics.Add(new DiagnosticInfo(DiagnosticIds.TemplateError, Severity.Error, failure.Message, failure.Template.Path, TemplateSpan(failure)));
                    }

                    content = renderer.RenderBuiltIn(file.Template, file.Model);
                }

                files.Add(new GeneratedFile(file.HintName, content));
            }
        }
        catch (TemplateFailureException failure)
        {
            diagnostics.Add(new DiagnosticInfo(DiagnosticIds.TemplateError, Severity.Error, failure.Message, model.SpecPath, SourceSpan.Origin));
            files.Clear();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            diagnostics.Add(new DiagnosticInfo(DiagnosticIds.InternalError, Severity.Error, "The generator failed while writing code for this spec: " + Describe(exception), model.SpecPath, SourceSpan.Origin));
            files.Clear();
        }

        return new GenerationResult(files.ToEquatableArray(), diagnostics.ToEquatableArray());
    }

    private static SourceSpan TemplateSpan(TemplateOverrideException failure)
    {
        var lines = new TextLines(failure.Template.Text);
        var start = lines.OffsetOf(failure.Line, failure.Column);
        return new SourceSpan(start, 0, failure.Line, failure.Column, failure.Line, failure.Column);
    }

    private static string Describe(Exception exception) => exception.GetType().Name + ": " + exception.Message;
}
