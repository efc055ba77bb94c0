namespace CrmSdkGen.Model;

/// <summary>
/// The validation keywords of a schema. Numbers stay as the spec's invariant text so that no precision is lost before
/// the C# stage decides their type.
/// </summary>
internal sealed record ApiConstraints
{
    public int? MinLength { get; init; }
    public int? MaxLength { get; init; }
    public string? Pattern { get; init; }
    public string? Minimum { get; init; }
    public bool ExclusiveMinimum { get; init; }
    public string? Maximum { get; init; }
    public bool ExclusiveMaximum { get; init; }
    public string? MultipleOf { get; init; }
    public int? MinItems { get; init; }
    public int? MaxItems { get; init; }
    public bool UniqueItems { get; init; }
    public int? MinProperties { get; init; }
    public int? MaxProperties { get; init; }
}
