using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;
using CrmSdkGen.Runtime.Json;

namespace CrmSdkGen.Runtime.Diff;

/// <summary>
/// <see cref="JsonDiff"/> for generated models: the patches between two models as their JSON (unknown properties
/// included), and a model with a patch applied.
/// </summary>
public static class ModelDiff
{
    /// <summary>The JSON Patch that turns <paramref name="from"/> into <paramref name="to"/>.</summary>
    public static IReadOnlyList<JsonPatchOperation> Patch<T>(T from, T to, JsonDiffOptions? options = null)
        where T : class, IJsonModel<T>
    {
        using var left = Document(from);
        using var right = Document(to);
        return JsonDiff.Patch(left.RootElement, right.RootElement, options);
    }

    /// <summary>The merge patch that turns <paramref name="from"/> into <paramref name="to"/>, or null when they are equal.</summary>
    public static JsonNode? MergePatch<T>(T from, T to)
        where T : class, IJsonModel<T>
    {
        using var left = Document(from);
        using var right = Document(to);
        return JsonDiff.MergePatch(left.RootElement, right.RootElement);
    }

    /// <summary>A new model: <paramref name="model"/> with <paramref name="operations"/> applied.</summary>
    public static T Apply<T>(T model, IEnumerable<JsonPatchOperation> operations)
        where T : class, IJsonModel<T>
    {
        var node = JsonNode.Parse(JsonModel.ToUtf8(model, ModelCodec<T>.Instance));
        var patched = JsonPatchApplier.Apply(node, operations);
        return JsonModel.Parse(System.Text.Encoding.UTF8.GetBytes(patched?.ToJsonString() ?? "null"), ModelCodec<T>.Instance);
    }

    private static JsonDocument Document<T>(T model)
        where T : class, IJsonModel<T> => JsonDocument.Parse(JsonModel.ToUtf8(model, ModelCodec<T>.Instance));
}
