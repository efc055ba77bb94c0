using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CrmSdkGen.Kernel;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Microsoft.OpenApi.YamlReader;
using SharpYaml;

namespace CrmSdkGen.Read;

/// <summary>Stage 1: spec text to the OpenAPI object model, with every reader finding located in the text.</summary>
internal static class SpecReader
{
    private static readonly Regex ComponentKey = new(@"^The key '(.+)' in '(\w+)' of components MUST match", RegexOptions.CultureInvariant);
    private static readonly Regex YamlPosition = new(@"line (\d+), column (\d+)", RegexOptions.CultureInvariant);

    public static OpenApiDocument? Read(string text, SpecFormat format, DiagnosticSink sink, IReadOnlyList<SpecFile>? siblings = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            sink.ReportAt(DiagnosticIds.SyntaxError, Severity.Error, "The spec file is empty.", SourceSpan.Origin);
            return null;
        }

        // A spec that names other listed files is joined with them first; the reader then resolves internal references only.
        var bundle = SpecBundler.Bundle(new SpecFile(sink.FilePath, text), siblings ?? Array.Empty<SpecFile>(), sink);
        var readText = bundle?.Text ?? text;
        var readFormat = bundle is null ? format : SpecFormat.Json;

        // Swagger 2.0 operations without 'produces' speak JSON in practice; that is what CRM APIs send.
        var settings = new OpenApiReaderSettings
        {
            LoadExternalRefs = false,
            BaseUrl = ToUri(sink.FilePath),
            DefaultContentType = new List<string> { "application/json" },
        };
        var bytes = Encoding.UTF8.GetBytes(readText.TrimStart('\uFEFF'));

        // Long descriptions and examples are normal in vendor specs; no scalar can be longer than the text holding it.
        settings.AddYamlReader(new OpenApiYamlReaderSettings
        {
            MaxScalarLength = (uint)Math.Max(readText.Length, 1),
            MaxInputByteCount = (uint)Math.Max(bytes.Length + 1, (int)OpenApiYamlReaderSettings.DefaultMaxInputByteCount),
        });
        ReadResult result;
        try
        {
            using var stream = new MemoryStream(bytes);

            // The loader answers from memory, so the task is complete when it returns; nothing waits on a context.
            result = OpenApiDocument.LoadAsync(stream, readFormat == SpecFormat.Json ? "json" : "yaml", settings).GetAwaiter().GetResult();
        }
        catch (OpenApiUnsupportedSpecVersionException exception)
        {
            sink.Report(DiagnosticIds.UnsupportedVersion, Severity.Error, $"{exception.Message} Supported versions are Swagger 2.0, OpenAPI 3.0 and 3.1.", VersionPointer(text));
            return null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            sink.Report(DiagnosticIds.UnsupportedVersion, Severity.Error, "The file is not an OpenAPI or Swagger document: " + exception.Message, "#");
            return null;
        }

        if (result.Document is null)
        {
            ReportSyntaxError(text, format, result, sink);
            return null;
        }

        var swagger = VersionPointer(text) == "#/swagger";
        foreach (var error in result.Diagnostic?.Errors ?? Array.Empty<OpenApiError>())
        {
            sink.Report(DiagnosticIds.SpecRuleViolation, Severity.Info, "The spec breaks an OpenAPI rule; code is still generated: " + error.Message, PointerOf(error, swagger));
        }

        foreach (var warning in result.Diagnostic?.Warnings ?? Array.Empty<OpenApiError>())
        {
            // Unresolved references are reported where the model meets them, with what was generated instead.
            if (warning.Message?.IndexOf("does not point to an existing", StringComparison.Ordinal) < 0)
            {
                sink.Report(DiagnosticIds.SpecRuleViolation, Severity.Info, "The spec breaks an OpenAPI rule; code is still generated: " + warning.Message, PointerOf(warning, swagger));
            }
        }

        return result.Document;
    }

    // Some findings carry their place only in the message: the Swagger 2.0 reader writes the pointer at its end, and
    // the rule on component names, pointed at all of components, gives the key and its map (named as in OpenAPI 3 even
    // for a 2.0 document).
    private static string PointerOf(OpenApiError error, bool swagger)
    {
        var message = error.Message ?? string.Empty;
        var key = ComponentKey.Match(message);
        if (key.Success)
        {
            var map = key.Groups[2].Value;
            var holder = !swagger ? "#/components/" + map
                : map switch { "schemas" => "#/definitions", "securitySchemes" => "#/securityDefinitions", _ => "#/" + map };
            return holder + "/" + SpecPointer.Escape(key.Groups[1].Value);
        }

        if (error.Pointer is { Length: > 0 } pointer)
        {
            return pointer;
        }

        var at = message.LastIndexOf(" at #", StringComparison.Ordinal);
        return at >= 0 && message.IndexOf(' ', at + 4) < 0 ? message.Substring(at + 4) : "#";
    }

    private static Uri ToUri(string path) =>
        Uri.TryCreate(path, UriKind.Absolute, out var uri) ? uri : new Uri("file:///" + path.TrimStart('/'));

    // The version key is 'swagger' in 2.0 documents and 'openapi' in 3.x ones; whichever comes first names it.
    private static string VersionPointer(string text)
    {
        var swagger = text.IndexOf("swagger", StringComparison.Ordinal);
        var openapi = text.IndexOf("openapi", StringComparison.Ordinal);
        return swagger >= 0 && (openapi < 0 || swagger < openapi) ? "#/swagger" : "#/openapi";
    }

    private static void ReportSyntaxError(string text, SpecFormat format, ReadResult result, DiagnosticSink sink)
    {
        var readerMessage = result.Diagnostic?.Errors is { Count: > 0 } errors ? errors[0].Message : "unknown error";
        if (format == SpecFormat.Json)
        {
            try
            {
                using var document = JsonDocument.Parse(Encoding.UTF8.GetBytes(text.TrimStart('\uFEFF')), new JsonDocumentOptions { MaxDepth = 1024 });
            }
            catch (JsonException exception)
            {
                var line = (int)(exception.LineNumber ?? 0);
                var column = (int)(exception.BytePositionInLine ?? 0);
                sink.ReportAt(DiagnosticIds.SyntaxError, Severity.Error, "The spec is not valid JSON: " + exception.Message, sink.Locator.At(line, column));
                return;
            }
        }
        else
        {
            try
            {
                var parser = Parser.CreateParser(new StringReader(text));
                while (parser.MoveNext())
                {
                }
            }
            catch (YamlException exception)
            {
                sink.ReportAt(DiagnosticIds.SyntaxError, Severity.Error, "The spec is not valid YAML: " + exception.Message, sink.Locator.At(exception.Start.Line, exception.Start.Column));
                return;
            }
        }

        var match = YamlPosition.Match(readerMessage ?? string.Empty);
        if (match.Success)
        {
            var span = sink.Locator.At(int.Parse(match.Groups[1].Value) - 1, int.Parse(match.Groups[2].Value) - 1);
            sink.ReportAt(DiagnosticIds.SyntaxError, Severity.Error, "The spec could not be read: " + readerMessage, span);
            return;
        }

        // The text is well-formed, so what is missing is the document's OpenAPI shape.
        sink.Report(DiagnosticIds.UnsupportedVersion, Severity.Error, "The file is not an OpenAPI or Swagger document: " + readerMessage, VersionPointer(text));
    }
}
