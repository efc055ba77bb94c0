namespace CrmSdkGen.Runtime.Diff;

/// <summary>One field value that differs between the copies.</summary>
/// <param name="Key">The record's key.</param>
/// <param name="Path">The field, as a JSON Pointer.</param>
/// <param name="Left">The left value as JSON, or null when the left record lacks the field.</param>
/// <param name="Right">The right value as JSON, or null when the right record lacks the field.</param>
/// <param name="Distance">|X − Y| for numbers (normalised if asked), else 1.</param>
public sealed record FieldDifference(string Key, string Path, string? Left, string? Right, double Distance);
