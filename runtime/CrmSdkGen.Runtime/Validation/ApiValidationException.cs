using System;
using System.Collections.Generic;
using System.Linq;

namespace CrmSdkGen.Runtime.Validation;

/// <summary>A request or response model broke its schema while the client's policy for it was <see cref="ValidationMode.Throw"/>.</summary>
public sealed class ApiValidationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ApiValidationException(string direction, string method, string pathTemplate, ValidationResult result)
        : base($"The {direction} of {method} {pathTemplate} breaks its schema: {string.Join("; ", result.Errors.Take(10))}{(result.Errors.Count > 10 ? $" and {result.Errors.Count - 10} more" : string.Empty)}.")
    {
        Direction = direction;
        Result = result;
    }

    /// <summary>"request" or "response".</summary>
    public string Direction { get; }

    /// <summary>The errors and corrections.</summary>
    public ValidationResult Result { get; }

    /// <summary>The broken rules.</summary>
    public IReadOnlyList<ValidationError> Errors => Result.Errors;
}
