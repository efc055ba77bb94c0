using System;
using System.Collections.Generic;

namespace CrmSdkGen.Runtime.Validation;

/// <summary>The outcome of validating a model: its errors, and the corrections made before validating.</summary>
public sealed class ValidationResult
{
    /// <summary>A valid model without corrections; shared, so validating a valid model allocates nothing.</summary>
    public static ValidationResult Valid { get; } = new(Array.Empty<ValidationError>(), Array.Empty<Correction>());

    /// <summary>Creates a result.</summary>
    public ValidationResult(IReadOnlyList<ValidationError> errors, IReadOnlyList<Correction> corrections)
    {
        Errors = errors;
        Corrections = corrections;
    }

    /// <summary>Whether no rule was broken.</summary>
    public bool IsValid => Errors.Count == 0;

    /// <summary>The broken rules, in the order they were found.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    /// <summary>What correctors changed before the model was validated.</summary>
    public IReadOnlyList<Correction> Corrections { get; }

    /// <inheritdoc />
    public override string ToString() => IsValid ? "valid" : string.Join("; ", Errors);
}
