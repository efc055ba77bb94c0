using System;
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
}
