using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CrmSdkGen.Read;

/// <summary>
/// Reads a spec file's text without building a tree: which files its <c>$ref</c>s name, and whether it is a whole
/// OpenAPI document or a fragment of one. Cheap enough to run over thousands of listed files on every edit.
/// </summary>
internal static class ReferenceScanner
{
    // "$ref": "a.json#/x", '$ref': 'a.yaml', $ref: a.yaml#/x (YAML plain scalars end at a space, comma or bracket).
    private static readonly Regex Reference = new(
        @"(?:""\$ref""|'\$ref'|\$ref)\s*:\s*(?:""(?<value>(?:[^""\\]|\\.)*)""|'(?<value>(?:[^']|'')*)'|(?<value>[^\s,}\]'""][^\s,}\]]*))",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);

    private static readonly Regex YamlDocumentKey = new(
        @"^(?<quote>[""']?)(?:openapi|swagger)\k<quote>\s*:",
        RegexOptions.CultureInvariant | RegexOptions.Multiline | RegexOptions.ExplicitCapture);

    /// <summary>Every <c>$ref</c> value of the text, unescaped.</summary>
    public static IEnumerable<string> Values(string text)
    {
        if (text.IndexOf("$ref", StringComparison.Ordinal) < 0)
        {
            yield break;
        }

        foreach (Match match in Reference.Matches(text))
        {
            var value = match.Groups["value"].Value;
            yield return value.IndexOf('\\') >= 0 ? Unescape(value) : value;
        }
    }

    /// <summary>The file parts of every <c>$ref</c> that names another file, as written (before any '#').</summary>
    public static IEnumerable<string> FileTargets(string text)
    {
        foreach (var value in Values(text))
        {

            // An overlong reference of any kind goes through the bundler, which bounds it.
            if (value.Length > SpecLimits.MaxNameLength)
            {
                yield return value;
                continue;
            }

            var hash = value.IndexOf('#');
            var file = hash < 0 ? value : value.Substring(0, hash);
            if (file.Length > 0)
            {
                yield return file;
            }
        }
    }

    /// <summary>Whether the text needs bundling before the reader sees it: a <c>$ref</c> names another file or points below a component.</summary>
    public static bool NeedsBundle(string text)
    {
        foreach (var value in Values(text))
        {
            if (value.Length > 0 && (value[0] != '#' || value.Length > SpecLimits.MaxNameLength || InternalPointers.IsDeep(value.Substring(1))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the text is a whole document: its top level has an <c>openapi</c> or <c>swagger</c> key. Text that cannot
    /// be read counts as a document, so that its syntax error is reported where it is.
    /// </summary>
    public static bool IsDocument(string text, SpecFormat format)
    {
        if (format == SpecFormat.Yaml)
        {
            return YamlDocumentKey.IsMatch(text) || !LooksLikeYamlMapping(text);
        }

        try
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(text.TrimStart('\uFEFF')), new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 4096 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return true;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("openapi") || reader.ValueTextEquals("swagger"))
                {
                    return true;
                }

                reader.Read();
                reader.Skip();
            }

            return reader.TokenType != JsonTokenType.EndObject;
        }
        catch (JsonException)
        {
            return true;
        }
    }

    // A YAML fragment is a mapping: its first meaningful line is a key at column 0.
    private static bool LooksLikeYamlMapping(string text)
    {
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r').TrimStart('\uFEFF');
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith("#", StringComparison.Ordinal) || line == "---")
            {
                continue;
            }

            return !char.IsWhiteSpace(line[0]) && line.IndexOf(':') > 0;
        }

        return false;
    }

    private static string Unescape(string value)
    {
        try
        {
            return JsonSerializer.Deserialize<string>("\"" + value + "\"") ?? value;
        }
        catch (JsonException)
        {
            return value;
        }
    }
}
