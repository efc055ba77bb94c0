namespace CrmSdkGen.Runtime.Validation;

/// <summary>What a client does with models that break their schema.</summary>
public enum ValidationMode
{
    /// <summary>No validation.</summary>
    Off,

    /// <summary>Validate, log a warning and call <see cref="ValidationSettings.Reported"/>, and go on.</summary>
    Report,

    /// <summary>Validate and throw <see cref="ApiValidationException"/>.</summary>
    Throw,
}
