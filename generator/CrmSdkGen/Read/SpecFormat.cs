using System;

namespace CrmSdkGen.Read;

internal enum SpecFormat
{
    Json,
    Yaml,
}

internal static class SpecFormatDetector
{
    /// <summary>Decides by extension, and by the first character when the extension says nothing.</summary>
    public static SpecFormat Detect(string path, string text)
    {
        if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return SpecFormat.Json;
        }

        if (path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
        {
            return SpecFormat.Yaml;
        }

        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c) && c != '\uFEFF')
            {
                return c == '{' ? SpecFormat.Json : SpecFormat.Yaml;
            }
        }

        return SpecFormat.Yaml;
    }
}
