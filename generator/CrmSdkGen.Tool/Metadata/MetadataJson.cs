using System.Text.Json;

namespace CrmSdkGen.Tool.Metadata;

/// <summary>Reading the members of a metadata answer, whatever the CRM left out.</summary>
internal static class MetadataJson
{
    public static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static bool Flag(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    public static int? Integer(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : null;

    /// <summary>The items of the array at <paramref name="name"/>, or of the answer itself when it is the array.</summary>
    public static IEnumerable<JsonElement> Items(JsonElement answer, string name, string what)
    {
        var list = answer.ValueKind == JsonValueKind.Array ? answer
            : answer.ValueKind == JsonValueKind.Object && answer.TryGetProperty(name, out var found) && found.ValueKind == JsonValueKind.Array ? found
            : throw new MetadataException($"The answer is not {what}: it has no '{name}' array.");
        return list.EnumerateArray().Where(item => item.ValueKind == JsonValueKind.Object);
    }

    public static IEnumerable<JsonElement> Array(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Where(item => item.ValueKind == JsonValueKind.Object)
            : Enumerable.Empty<JsonElement>();
}
