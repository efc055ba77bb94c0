using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CrmSdkGen.Runtime.Json;

namespace CrmSdkGen.Runtime.Http;

/// <summary>
/// A multipart/form-data body from a model: one part per property; files (binary properties) as file parts, strings,
/// numbers and booleans as text parts, objects and arrays of non-files as JSON parts.
/// </summary>
internal static class MultipartBody
{
    /// <param name="body">The model.</param>
    /// <param name="codec">Writes it.</param>
    /// <param name="replayable">Whether every file part can be read again for a retry.</param>
    public static MultipartFormDataContent Create<T>(T body, JsonCodec<T> codec, out bool replayable)
    {
        replayable = true;
        var json = FileContentCodec.WriteCapturingFiles(body, codec, out var files);
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException("A multipart body must be an object.", nameof(body));
        }

        var content = new MultipartFormDataContent();
        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Array && IsFileArray(property.Value))
            {
                foreach (var item in property.Value.EnumerateArray())
                {
                    AddPart(content, property.Name, item, files, ref replayable);
                }
            }
            else
            {
                AddPart(content, property.Name, property.Value, files, ref replayable);
            }
        }

        return content;
    }

    private static bool IsFileArray(JsonElement array)
    {
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || !item.GetString()!.StartsWith(FileContentCodec.Marker, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static void AddPart(MultipartFormDataContent content, string name, JsonElement value, List<FileContent> files, ref bool replayable)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String when value.GetString()!.StartsWith(FileContentCodec.Marker, StringComparison.Ordinal):
                var file = files[int.Parse(value.GetString()!.AsSpan(FileContentCodec.Marker.Length), System.Globalization.CultureInfo.InvariantCulture)];
                var stream = file.OpenRead();
                replayable &= stream.CanSeek;
                var part = new StreamContent(stream);
                part.Headers.ContentType = new MediaTypeHeaderValue(file.ContentType ?? "application/octet-stream");
                content.Add(part, name, file.FileName);
                break;
            case JsonValueKind.String:
                content.Add(new StringContent(value.GetString()!, Encoding.UTF8), name);
                break;
            case JsonValueKind.Object or JsonValueKind.Array:
                content.Add(new StringContent(value.GetRawText(), Encoding.UTF8, "application/json"), name);
                break;
            case JsonValueKind.Null:
                content.Add(new StringContent(string.Empty, Encoding.UTF8), name);
                break;
            default:
                content.Add(new StringContent(value.GetRawText(), Encoding.UTF8), name);
                break;
        }
    }
}
