using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace CrmSdkGen.Testing.Recording;

/// <summary>A file of recorded interactions: a JSON array, one object per request and answer, in the order they happened.</summary>
public static class HttpRecording
{
    /// <summary>Writes <paramref name="interactions"/> to <paramref name="path"/>.</summary>
    public static void Save(string path, IEnumerable<HttpInteraction> interactions)
    {
        ArgumentNullException.ThrowIfNull(interactions);
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartArray();
        foreach (var interaction in interactions)
        {
            json.WriteStartObject();
            json.WriteString("method", interaction.Method);
            json.WriteString("uri", interaction.Uri);
            Headers(json, "requestHeaders", interaction.RequestHeaders);
            json.WriteString("requestBody", interaction.RequestBody);
            json.WriteNumber("status", interaction.Status);
            Headers(json, "responseHeaders", interaction.ResponseHeaders);
            json.WriteString("responseBody", interaction.ResponseBody);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>Reads the interactions of a recording file.</summary>
    /// <exception cref="InvalidDataException">The file is not a recording.</exception>
    public static IReadOnlyList<HttpInteraction> Load(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            return document.RootElement.EnumerateArray().Select(item => new HttpInteraction(
                item.GetProperty("method").GetString()!,
                item.GetProperty("uri").GetString()!,
                Headers(item.GetProperty("requestHeaders")),
                item.GetProperty("requestBody").GetString(),
                item.GetProperty("status").GetInt32(),
                Headers(item.GetProperty("responseHeaders")),
                item.GetProperty("responseBody").GetString() ?? string.Empty)).ToList();
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            throw new InvalidDataException($"'{path}' is not a recording of HTTP interactions: {exception.Message}", exception);
        }
    }

    private static void Headers(Utf8JsonWriter json, string name, IReadOnlyDictionary<string, string> headers)
    {
        json.WriteStartObject(name);
        foreach (var (key, value) in headers)
        {
            json.WriteString(key, value);
        }

        json.WriteEndObject();
    }

    private static Dictionary<string, string> Headers(JsonElement headers) =>
        headers.EnumerateObject().ToDictionary(header => header.Name, header => header.Value.GetString() ?? string.Empty, StringComparer.OrdinalIgnoreCase);
}
