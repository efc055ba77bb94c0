using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text.Json;
using CrmSdkGen.Runtime.Json;

namespace CrmSdkGen.Runtime.Sync;

/// <summary>Converts generated models to and from the JSON records sync stores hold, unknown properties included.</summary>
public static class SyncJson
{
    /// <summary>The model as a JSON record.</summary>
    /// <exception cref="InvalidOperationException">The CRM answered without a record.</exception>
    public static JsonElement ToElement<T>(T? model)
        where T : class, IJsonModel<T>
    {
        if (model is null)
        {
            throw new InvalidOperationException($"The CRM answered without the {typeof(T).Name} record the sync needs.");
        }

        return JsonModel.ToElement(model);
    }

    /// <summary>The JSON record as a model; the properties it carries (nulls included) are the ones the model sends.</summary>
    public static T FromElement<T>(JsonElement record)
        where T : class, IJsonModel<T> => JsonModel.Parse<T>(record.GetRawText());

    /// <summary>
    /// A batch body in HubSpot's shape, <c>{"inputs": [{"id": key, ...changes}]}</c>: each input is the changes (or the
    /// whole record) with the key set.
    /// </summary>
    public static JsonElement BatchInput(string inputsProperty, string keyField, IReadOnlyList<(string Key, JsonElement Record, JsonElement Changes)> updates, bool wholeRecords = false)
    {
        ArgumentNullException.ThrowIfNull(updates);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray(inputsProperty);
            foreach (var (key, record, changes) in updates)
            {
                writer.WriteStartObject();
                writer.WriteString(keyField, key);
                foreach (var member in (wholeRecords ? record : changes).EnumerateObject())
                {
                    if (member.Name != keyField)
                    {
                        member.WriteTo(writer);
                    }
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return JsonElements.FromUtf8(buffer.WrittenSpan);
    }

    /// <summary>The records of a batch response, in the order of <paramref name="updates"/>, whatever order the CRM answered in.</summary>
    /// <exception cref="InvalidOperationException">The response lacks a record of the batch.</exception>
    public static IReadOnlyList<JsonElement> BatchResults(JsonElement response, string resultsProperty, IReadOnlyList<(string Key, JsonElement Record, JsonElement Changes)> updates, Func<JsonElement, string> keyOf)
    {
        ArgumentNullException.ThrowIfNull(updates);
        ArgumentNullException.ThrowIfNull(keyOf);
        var byKey = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (response.ValueKind == JsonValueKind.Object && response.TryGetProperty(resultsProperty, out var results) && results.ValueKind == JsonValueKind.Array)
        {
            foreach (var result in results.EnumerateArray())
            {
                byKey[keyOf(result)] = result.Clone();
            }
        }

        var ordered = new List<JsonElement>(updates.Count);
        foreach (var (key, _, _) in updates)
        {
            ordered.Add(byKey.TryGetValue(key, out var record) ? record : throw new InvalidOperationException($"The batch response has no record '{key}' in '{resultsProperty}'."));
        }

        return ordered;
    }
}
