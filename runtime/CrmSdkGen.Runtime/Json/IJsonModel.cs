using System.Text.Json;

namespace CrmSdkGen.Runtime.Json;

/// <summary>A generated model that reads and writes itself as a JSON object.</summary>
/// <typeparam name="TSelf">The model type.</typeparam>
public interface IJsonModel<TSelf>
    where TSelf : class, IJsonModel<TSelf>
{
    /// <summary>Reads a model from the JSON object at the reader's position.</summary>
    static abstract TSelf ReadJson(ref Utf8JsonReader reader);

    /// <summary>Writes this model as a JSON object, with exactly the properties that were read or assigned.</summary>
    void WriteJson(Utf8JsonWriter writer);
}
