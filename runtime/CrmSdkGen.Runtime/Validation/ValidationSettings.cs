using System;
using System.Collections.Generic;

namespace CrmSdkGen.Runtime.Validation;

/// <summary>
/// How a client validates: the policies for requests and responses, and the company rules and corrections registered
/// on top of what the schema says, for every model or for one type.
/// </summary>
public sealed class ValidationSettings
{
    private readonly List<Action<object, ValidationContext>> _validators = new();
    private readonly List<Action<object, ValidationContext>> _correctors = new();

    internal static ValidationSettings Default { get; } = new();

    /// <summary>What happens to request bodies that break their schema before they are sent. Default off.</summary>
    public ValidationMode Requests { get; set; }

    /// <summary>What happens to response bodies that break their schema after they are read. Default off.</summary>
    public ValidationMode Responses { get; set; }

    /// <summary>Whether enum values the spec does not list pass; CRMs add picklist values before their specs do. Default false.</summary>
    public bool AllowUnknownEnumValues { get; set; }

    /// <summary>Called with every result that has errors or corrections under <see cref="ValidationMode.Report"/>.</summary>
    public event Action<ValidationReport>? Reported;

    /// <summary>Adds a rule for every model of type <typeparamref name="T"/>, nested ones included.</summary>
    /// <param name="validate">Checks the model and reports with <see cref="ValidationContext.Fail(string, string, string?, string)"/>.</param>
    public ValidationSettings AddValidator<T>(Action<T, ValidationContext> validate)
        where T : class
    {
        _validators.Add(ForType(validate));
        return this;
    }

    /// <summary>Adds a corrector for every model of type <typeparamref name="T"/>; it runs before validation and records its changes with <see cref="ValidationContext.Corrected"/>.</summary>
    public ValidationSettings AddCorrector<T>(Action<T, ValidationContext> correct)
        where T : class
    {
        _correctors.Add(ForType(correct));
        return this;
    }

    private static Action<object, ValidationContext> ForType<T>(Action<T, ValidationContext> action)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(action);
        return (model, context) =>
        {
            if (model is T typed)
            {
                action(typed, context);
            }
        };
    }

    internal void Correct(object model, ValidationContext context)
    {
        foreach (var corrector in _correctors)
        {
            corrector(model, context);
        }
    }

    internal void Validate(object model, ValidationContext context)
    {
        foreach (var validator in _validators)
        {
            validator(model, context);
        }
    }

    internal void Report(ValidationReport report) => Reported?.Invoke(report);
}
