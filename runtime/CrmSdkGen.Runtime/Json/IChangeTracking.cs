using System.Text.Json;

namespace CrmSdkGen.Runtime.Json;

/// <summary>A model that knows which of its properties were assigned since it was created, read or last accepted.</summary>
public interface IChangeTracking
{
    /// <summary>Whether any property changed.</summary>
    bool HasChanges { get; }

    /// <summary>Writes only the changed properties as a JSON object.</summary>
    void WriteChangesJson(Utf8JsonWriter writer);

    /// <summary>Forgets the changes.</summary>
    void AcceptChanges();
}
