using System;
using System.Collections.Concurrent;
using System.IO;
using System.Reflection;
using Scriban;

namespace CrmSdkGen.Emit;

/// <summary>The built-in templates, embedded in the generator and parsed once per process.</summary>
internal static class TemplateCatalog
{
    // Bounded by the fixed set of built-in template names.
    private static readonly ConcurrentDictionary<string, Template> BuiltIn = new(StringComparer.Ordinal);

    public static Template Get(string name) => BuiltIn.GetOrAdd(name, Load);

    public static string ReadSource(string name) =>
        TryReadSource(name) ?? throw new InvalidOperationException("No built-in template named " + name + ".");

    /// <summary>The text of the built-in template <paramref name="name"/>; null when there is none.</summary>
    public static string? TryReadSource(string name)
    {
        var assembly = typeof(TemplateCatalog).Assembly;
        using var stream = assembly.GetManifestResourceStream("CrmSdkGen.Templates." + name + ".sbn");
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static Template Load(string name)
    {
        var template = Template.Parse(ReadSource(name), name + ".sbn");
        if (template.HasErrors)
        {
            var first = template.Messages[0];
            throw new TemplateFailureException(name, first.Span.Start.Line, first.Span.Start.Column, first.Message, null);
        }

        return template;
    }
}
