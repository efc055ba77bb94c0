using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json.Nodes;
using CrmSdkGen.Kernel;

namespace CrmSdkGen.Read;

/// <summary>The component names a bundle gives to schemas it hoists from other files, distinct from the document's own.</summary>
internal sealed class HoistedNames
{
    private static readonly string[] StructuralKeys = { "components", "definitions", "paths", "properties", "content", "schema" };

    private readonly HashSet<string> _taken = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Marks a name of the document's own components as taken.</summary>
    public void Reserve(string name) => _taken.Add(name);

    /// <summary>A free name for the schema at <paramref name="fragment"/> of <paramref name="file"/>: its last pointer segment, or the file's name, with a number added when taken.</summary>
    public string Claim(SpecFile file, string fragment)
    {
        var segments = SpecPointer.Split(fragment);
        var preferred = segments.Count > 0 ? segments[segments.Count - 1] : System.IO.Path.GetFileNameWithoutExtension(file.Path);
        return ClaimFree(preferred);
    }

    /// <summary>
    /// A free name for a schema moved out of the document's own node at <paramref name="fragment"/>: the names on its
    /// way there without the structural keys (<c>Tag_allOf_0</c>; <c>CustomField_value_Boolean</c> where the schema has a title).
    /// </summary>
    public string ClaimInner(string fragment, JsonNode? title)
    {
        var segments = SpecPointer.Split(fragment);
        var parts = new List<string>();
        for (var i = 0; i < segments.Count; i++)
        {
            var segment = segments[i];
            var structural = Array.IndexOf(StructuralKeys, segment) >= 0 || (i > 0 && segments[i - 1] == "content") || (i == 1 && segments[0] == "components");
            if (!structural)
            {
                parts.Add(segment);
            }
        }

        if (title is JsonValue value && value.TryGetValue<string>(out var text) && text.Trim().Length > 0 && parts.Count > 1
            && int.TryParse(parts[parts.Count - 1], out _))
        {
            parts.RemoveAt(parts.Count - 1);
            if (parts.Count > 1 && parts[parts.Count - 1] is "oneOf" or "anyOf" or "allOf")
            {
                parts.RemoveAt(parts.Count - 1);
            }

            parts.Add(text);
        }

        return ClaimFree(string.Join("_", parts));
    }

    private string ClaimFree(string preferred)
    {
        var builder = new StringBuilder();
        foreach (var c in preferred.Length > 200 ? preferred.Substring(0, 200) : preferred)
        {
            builder.Append(char.IsLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_');
        }

        var name = builder.Length == 0 ? "Schema" : builder.ToString();
        var candidate = name;
        for (var i = 2; !_taken.Add(candidate); i++)
        {
            candidate = name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return candidate;
    }
}
