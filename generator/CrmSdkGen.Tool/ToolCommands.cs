using CrmSdkGen.Generation;
using CrmSdkGen.Kernel;

namespace CrmSdkGen.Tool;

/// <summary>The tool's commands. Exit codes: 0 success, 1 errors (generate) or breaking changes (diff), 2 bad usage or unreadable input.</summary>
internal static class ToolCommands
{
    private const string Usage = """
        crmsdkgen generate <spec> --out <folder> [--namespace <N>] [--client <Name>] [--template <file.sbn>]... [--overlay <file>]... [--include <entries>] [--exclude <entries>] [--baseline <spec>]
            Writes the files the generator emits for <spec> into <folder> and prints its diagnostics; exits with 1 on errors.
            --include and --exclude take what the spec item's Include and Exclude metadata take ("/v1/customers/**; tag:Invoices").
        crmsdkgen diff <old spec> <new spec> [--additions]
            Prints every breaking change of <new spec> against <old spec>, located in <new spec>; exits with 1 when anything breaks.
        crmsdkgen overlay <metadata.json> --crm hubspot|salesforce|pipedrive [--object <kind>] [--target <JSONPath>] [--custom-only] [--all-fields] [--out <overlay.json>]
            Turns a CRM's field metadata (HubSpot GET /crm/v3/properties/{objectType}, Salesforce sobjects/{type}/describe,
            Pipedrive v1 or v2 personFields/dealFields/organizationFields/productFields with --object person|deal|organization|product)
            into an OpenAPI Overlay that adds the fields as typed members; add it to the project as a CrmSdkGenOverlay item.
        crmsdkgen requests <spec> --out <folder>
            Writes <spec>.http (Visual Studio, Rider, VS Code's REST Client) and <spec>.postman_collection.json (Postman, newman):
            one request per operation, the base address and credentials as variables, bodies from the spec's examples.
        """;

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        try
        {
            return args.FirstOrDefault() switch
            {
                "generate" => Generate(new ToolArguments(args.Skip(1)), output, error),
                "diff" => Diff(new ToolArguments(args.Skip(1)), output),
                "requests" => Requests(new ToolArguments(args.Skip(1)), output, error),
                "overlay" => Overlay(new ToolArguments(args.Skip(1)), output),
                "--help" or "-h" or "help" => Help(output),
                _ => Fail(error, "Unknown command."),
            };
        }
        catch (ToolUsageException exception)
        {
            return Fail(error, exception.Message);
        }
        catch (Metadata.MetadataException exception)
        {
            error.WriteLine(exception.Message);
            return 2;
        }
        catch (IOException exception)
        {
            error.WriteLine(exception.Message);
            return 2;
        }
        catch (UnauthorizedAccessException exception)
        {
            error.WriteLine(exception.Message);
            return 2;
        }
    }

    private static int Generate(ToolArguments arguments, TextWriter output, TextWriter error)
    {
        var specPath = Path.GetFullPath(arguments.Positional(0, "<spec>"));
        var folder = Path.GetFullPath(arguments.Option("--out") ?? throw new ToolUsageException("generate needs --out <folder>."));
        var targetNamespace = arguments.Option("--namespace") ?? string.Empty;
        var clientName = arguments.Option("--client") ?? string.Empty;
        var baseline = arguments.Option("--baseline");
        var templatePaths = arguments.Options("--template").ToList();
        var overlayPaths = arguments.Options("--overlay").ToList();
        var include = arguments.Option("--include") ?? string.Empty;
        var exclude = arguments.Option("--exclude") ?? string.Empty;
        arguments.EnsureConsumed(1);
        var source = new SpecSource(specPath, File.ReadAllText(specPath), targetNamespace, clientName, string.Empty)
        {
            IncludeOperations = include,
            ExcludeOperations = exclude,
            Overlays = overlayPaths.Select(path => Path.GetFullPath(path)).Select(path => new OverlayFile(path, File.ReadAllText(path), specPath)).ToEquatableArray(),
        };
        if (baseline is not null)
        {
            var baselinePath = Path.GetFullPath(baseline);
            source = source with { BaselinePath = baselinePath, Baseline = new SpecFile(baselinePath, File.ReadAllText(baselinePath)) };
        }

        var templates = templatePaths
            .Select(path => Path.GetFullPath(path))
            .Select(path => new TemplateOverride(Path.GetFileNameWithoutExtension(path), path, File.ReadAllText(path), string.Empty))
            .ToEquatableArray();
        var result = SdkGenerator.Emit(SdkGenerator.BuildModel(source, CancellationToken.None), templates, CancellationToken.None);
        Directory.CreateDirectory(folder);
        foreach (var file in result.Files)
        {
            // Hint names are made of sanitised identifiers; a separator would still never leave the folder.
            if (Path.GetFileName(file.HintName) != file.HintName)
            {
                throw new ToolUsageException($"The generated file name '{file.HintName}' is not a plain file name.");
            }

            File.WriteAllText(Path.Combine(folder, file.HintName), file.Content);
        }

        Print(result.Diagnostics, output);
        var errors = result.Diagnostics.Count(diagnostic => diagnostic.Severity == Severity.Error);
        (errors > 0 ? error : output).WriteLine($"{result.Files.Count} file(s) written to {folder}; {errors} error(s), {result.Diagnostics.Count(diagnostic => diagnostic.Severity == Severity.Warning)} warning(s).");
        return errors > 0 ? 1 : 0;
    }

    private static int Diff(ToolArguments arguments, TextWriter output)
    {
        var oldPath = Path.GetFullPath(arguments.Positional(0, "<old spec>"));
        var newPath = Path.GetFullPath(arguments.Positional(1, "<new spec>"));
        var additions = arguments.Flag("--additions");
        arguments.EnsureConsumed(2);
        var source = new SpecSource(newPath, File.ReadAllText(newPath), string.Empty, string.Empty, string.Empty)
        {
            BaselinePath = oldPath,
            Baseline = new SpecFile(oldPath, File.ReadAllText(oldPath)),
        };
        var model = SdkGenerator.BuildModel(source, CancellationToken.None);
        if (model.Api is null || model.Diagnostics.Any(diagnostic => diagnostic.Id == DiagnosticIds.BaselineNotFound))
        {
            Print(model.Diagnostics.Where(diagnostic => diagnostic.Severity == Severity.Error || diagnostic.Id == DiagnosticIds.BaselineNotFound), output);
            return 2;
        }

        var report = model.Diagnostics.Where(diagnostic => IsReport(diagnostic.Id) && (additions || diagnostic.Severity != Severity.Info)).ToList();
        Print(report, output);
        var breaking = report.Count(diagnostic => diagnostic.Severity == Severity.Warning);
        output.WriteLine(breaking == 0 ? "No breaking changes." : $"{breaking} breaking change(s).");
        return breaking > 0 ? 1 : 0;
    }

    private static int Requests(ToolArguments arguments, TextWriter output, TextWriter error)
    {
        var specPath = Path.GetFullPath(arguments.Positional(0, "<spec>"));
        var folder = Path.GetFullPath(arguments.Option("--out") ?? throw new ToolUsageException("requests needs --out <folder>."));
        arguments.EnsureConsumed(1);
        var model = SdkGenerator.BuildModel(new SpecSource(specPath, File.ReadAllText(specPath), string.Empty, string.Empty, string.Empty), CancellationToken.None);
        Print(model.Diagnostics.Where(diagnostic => diagnostic.Severity == Severity.Error), error);
        if (model.Api is null)
        {
            return 1;
        }

        Directory.CreateDirectory(folder);
        var name = Path.GetFileNameWithoutExtension(specPath);
        File.WriteAllText(Path.Combine(folder, name + ".http"), HttpFileWriter.Write(model.Api));
        File.WriteAllText(Path.Combine(folder, name + ".postman_collection.json"), PostmanCollectionWriter.Write(model.Api));
        output.WriteLine($"{model.Api.Operations.Count} request(s) written to {Path.Combine(folder, name)}.http and .postman_collection.json.");
        return 0;
    }

    private static int Overlay(ToolArguments arguments, TextWriter output)
    {
        var answerPath = Path.GetFullPath(arguments.Positional(0, "<metadata.json>"));
        var crm = arguments.Option("--crm") ?? throw new ToolUsageException($"overlay needs --crm <{string.Join("|", Metadata.MetadataOverlay.Crms)}>.");
        var objectName = arguments.Option("--object");
        var target = arguments.Option("--target");
        var customOnly = arguments.Flag("--custom-only");
        var allFields = arguments.Flag("--all-fields");
        var outPath = arguments.Option("--out");
        arguments.EnsureConsumed(1);
        var overlay = Metadata.MetadataOverlay.Build(crm, File.ReadAllText(answerPath), objectName, target, customOnly, allFields);
        if (outPath is null)
        {
            output.Write(overlay);
            return 0;
        }

        File.WriteAllText(Path.GetFullPath(outPath), overlay);
        output.WriteLine($"Overlay written to {Path.GetFullPath(outPath)}.");
        return 0;
    }

    private static bool IsReport(string id) => string.CompareOrdinal(id, DiagnosticIds.RemovedOperation) >= 0 && string.CompareOrdinal(id, DiagnosticIds.ChangedStatus) <= 0;

    // The compiler's format, so editors and CI annotate the lines: path(line,column): severity ID: message.
    private static void Print(IEnumerable<DiagnosticInfo> diagnostics, TextWriter output)
    {
        foreach (var diagnostic in diagnostics)
        {
            output.WriteLine($"{diagnostic.FilePath}({diagnostic.Span.StartLine + 1},{diagnostic.Span.StartColumn + 1}): {diagnostic.Severity.ToString().ToLowerInvariant()} {diagnostic.Id}: {diagnostic.Message}");
        }
    }

    private static int Help(TextWriter output)
    {
        output.WriteLine(Usage);
        return 0;
    }

    private static int Fail(TextWriter error, string message)
    {
        error.WriteLine(message);
        error.WriteLine(Usage);
        return 2;
    }
}
