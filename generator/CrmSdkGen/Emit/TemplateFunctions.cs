using System.Text;
using CrmSdkGen.CSharp;
using Scriban.Runtime;

namespace CrmSdkGen.Emit;

/// <summary>The helper functions every template can call; docs/templates.md lists them.</summary>
internal static class TemplateFunctions
{
    public static ScriptObject Create()
    {
        var functions = new ScriptObject();
        functions.Import("cs_string", new System.Func<string?, string>(CSharpEscaping.CSharpString));
        functions.Import("doc_inline", new System.Func<string?, string>(CSharpEscaping.DocInline));
        functions.Import("summary", new System.Func<string?, string?, string, string>((text, fallback, indent) => DocElement("summary", string.IsNullOrWhiteSpace(text) ? fallback : text, indent)));
        functions.Import("remarks", new System.Func<string?, string, string>((text, indent) => DocElement("remarks", text, indent)));
        functions.Import("pascal", new System.Func<string?, string>(text => Identifier.Pascal(text ?? string.Empty)));
        functions.Import("camel", new System.Func<string?, string>(text => Identifier.Camel(text ?? string.Empty)));
        return functions;
    }

    private static string DocElement(string element, string? text, string indent)
    {
        var lines = CSharpEscaping.DocLines(text);
        if (lines.Count <= 1)
        {
            return $"{indent}/// <{element}>{(lines.Count == 0 ? string.Empty : lines[0])}</{element}>";
        }

        var builder = new StringBuilder();
        builder.Append(indent).Append("/// <").Append(element).Append('>');
        foreach (var line in lines)
        {
            builder.Append('\n').Append(indent).Append("/// ").Append(line);
        }

        builder.Append('\n').Append(indent).Append("/// </").Append(element).Append('>');
        return builder.ToString();
    }
}
