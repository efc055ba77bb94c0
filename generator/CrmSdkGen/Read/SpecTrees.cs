using System;
using System.Text.Json;
using System.Text.Json.Nodes;
using CrmSdkGen.Kernel;

namespace CrmSdkGen.Read;

/// <summary>A spec file's text (JSON or YAML) as a JSON tree, with the reader's bounds on depth and size.</summary>
internal static class SpecTrees
{
    /// <summary>Throws <see cref="JsonException"/>, <c>YamlException</c>, <see cref="SpecLimitException"/> or, for a key given twice, <see cref="ArgumentException"/>.</summary>
    public static JsonNode? Parse(SpecFile file) =>
        SpecFormatDetector.Detect(file.Path, file.Text) == SpecFormat.Yaml
            ? YamlTree.Parse(file.Text, Math.Max(100_000, file.Text.Length))
            : JsonNode.Parse(file.Text.TrimStart('\uFEFF'), documentOptions: new JsonDocumentOptions { MaxDepth = YamlTree.MaxDepth, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, AllowDuplicateProperties = false });
}
