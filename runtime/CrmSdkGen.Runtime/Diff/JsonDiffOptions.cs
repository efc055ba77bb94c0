namespace CrmSdkGen.Runtime.Diff;

/// <summary>How two records are compared.</summary>
public sealed class JsonDiffOptions
{
    /// <summary>
    /// The property that identifies an item of an array of objects ("id"); arrays whose items all have it are matched
    /// item by item by its value, so an insertion is one add, not a replace of every later item. Default "id"; null
    /// matches every array by position.
    /// </summary>
    public string? ArrayItemKey { get; set; } = "id";
}
