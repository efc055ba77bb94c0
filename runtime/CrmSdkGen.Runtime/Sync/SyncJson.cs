using System;
using System.Collections.Generic;
using System.ComponentModel;
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

    /// <summary>The record inside an answer at a path of property names (an envelope's "data"); null when it is absent or JSON null.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static JsonElement? RecordIn(JsonElement answer, params string[] path) =>
        At(answer, path) is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined } record ? record : null;

    /// <summary>The record inside an answer at a path of property names.</summary>
    /// <exception cref="InvalidOperationException">The answer has no record there.</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static JsonElement RequireRecordIn(JsonElement answer, params string[] path) =>
        RecordIn(answer, path) ?? throw new InvalidOperationException($"The CRM answered without a record at '{string.Join("/", path)}'.");

    /// <summary>The elements of the array at a path of property names (the page itself for none); empty when there is none.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static IReadOnlyList<JsonElement> Items(JsonElement page, params string[] path)
    {
        var items = new List<JsonElement>();
        if (At(page, path) is { ValueKind: JsonValueKind.Array } array)
        {
            foreach (var item in array.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Null)
                {
                    items.Add(item);
                }
            }
        }

        return items;
    }

    /// <summary>The string (or the number, as text) at a path of property names, if there is one.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static string? Text(JsonElement element, params string[] path) => At(element, path) switch
    {
        { ValueKind: JsonValueKind.String } text => text.GetString() is { Length: > 0 } value ? value : null,
        { ValueKind: JsonValueKind.Number } number => number.GetRawText(),
        _ => null,
    };

    /// <summary>Whether the value at a path of property names is true.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static bool Flag(JsonElement element, params string[] path) => At(element, path) is { ValueKind: JsonValueKind.True };

    /// <summary>Whether the value at a path of property names is false (not merely absent).</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static bool IsFalse(JsonElement element, params string[] path) => At(element, path) is { ValueKind: JsonValueKind.False };

    private static JsonElement? At(JsonElement element, string[] path)
    {
        foreach (var name in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
            {
                return null;
            }
        }

        return element;
    }
}
