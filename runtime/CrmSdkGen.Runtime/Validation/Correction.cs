namespace CrmSdkGen.Runtime.Validation;

/// <summary>One value a corrector changed.</summary>
/// <param name="Path">Where, as a JSON Pointer from the validated model.</param>
/// <param name="Corrector">The corrector's name.</param>
/// <param name="Before">The value before, as text ("***" for sensitive properties).</param>
/// <param name="After">The value after, as text ("***" for sensitive properties).</param>
public sealed record Correction(string Path, string Corrector, string? Before, string? After);
