using System;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Microsoft.OpenApi.YamlReader;

namespace CrmSdkGen.Testing.Fakes;

/// <summary>Reads a spec (Swagger 2.0, OpenAPI 3.0 or 3.1; JSON or YAML) the way the generator does.</summary>
internal static class SpecDocument
{
    public static OpenApiDocument Read(string text, string name)
    {
        var trimmed = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        var format = trimmed.StartsWith("{", StringComparison.Ordinal) ? "json" : "yaml";
        var settings = new OpenApiReaderSettings { LoadExternalRefs = false };
        settings.AddYamlReader(new OpenApiYamlReaderSettings { MaxScalarLength = (uint)Math.Max(text.Length, 1), MaxInputByteCount = (uint)Math.Max(Encoding.UTF8.GetByteCount(text) + 1, (int)OpenApiYamlReaderSettings.DefaultMaxInputByteCount) });
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(trimmed));
        var result = OpenApiDocument.LoadAsync(stream, format, settings).GetAwaiter().GetResult();
        if (result.Document is null)
        {
            var errors = result.Diagnostic?.Errors.Select(error => $"{error.Pointer}: {error.Message}") ?? Enumerable.Empty<string>();
            throw new InvalidDataException($"{name} is not a spec the fake can read: {string.Join("; ", errors)}");
        }

        return result.Document;
    }

    /// <summary>The path of the spec's first server URL (<c>/v1</c> of <c>https://api.example.com/v1</c>), without its trailing slash.</summary>
    public static string BasePath(OpenApiDocument document)
    {
        var url = document.Servers?.FirstOrDefault()?.Url ?? "/";
        foreach (var variable in document.Servers?.FirstOrDefault()?.Variables ?? new System.Collections.Generic.Dictionary<string, OpenApiServerVariable>())
        {
            url = url.Replace("{" + variable.Key + "}", variable.Value.Default ?? string.Empty);
        }

        var path = Uri.TryCreate(url, UriKind.Absolute, out var absolute) ? absolute.AbsolutePath : url;
        var trimmedPath = path.Trim('/');
        return trimmedPath.Length == 0 ? string.Empty : "/" + trimmedPath;
    }
}
