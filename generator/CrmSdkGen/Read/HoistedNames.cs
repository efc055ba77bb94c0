using System;
using System.Collections.Generic;
using System.Text;
using CrmSdkGen.Kernel;

namespace CrmSdkGen.Read;

/// <summary>The component names a bundle gives to schemas it hoists from other files, distinct from the document's own.</summary>
internal sealed class HoistedNames
{
    private readonly HashSet<string> _taken = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Marks a name of the document's own components as taken.</summary>
    public void Reserve(string name) => _taken.Add(name);

    /// <summary>A free name for the schema at <paramref name="fragment"/> of <paramref name="file"/>: its last pointer segment, or the file's name, with a number added when taken.</summary>
    public string Claim(SpecFile file, string fragment)
    {
        var segments = SpecPointer.Split(fragment);
        var preferred = segments.Count > 0 ? segments[segments.Count - 1] : System.IO.Path.GetFileNameWithoutExtension(file.Path);
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
