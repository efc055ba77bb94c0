using System;
using System.Collections.Generic;
using System.Text;

namespace CrmSdkGen.Runtime.Validation;

/// <summary>
/// Collects what is wrong while generated validators walk a model. The path is a stack of segments that becomes a JSON
/// Pointer only when an error is reported, and a context is reused per thread, so a valid model costs no allocation.
/// </summary>
public sealed class ValidationContext
{
    private const int MaxValueLength = 100;

    [ThreadStatic]
    private static ValidationContext? t_cached;

    private Segment[] _segments = new Segment[16];
    private int _depth;
    private int _sensitiveDepth = -1;
    private List<ValidationError>? _errors;
    private List<Correction>? _corrections;

    private ValidationContext()
    {
    }

    /// <summary>The settings in force: rules registered on the client's options, and whether unknown enum values pass.</summary>
    public ValidationSettings Settings { get; private set; } = ValidationSettings.Default;

    /// <summary>Whether registered correctors run before each model is validated.</summary>
    public bool Correcting { get; private set; }

    /// <summary>How many errors were reported so far.</summary>
    public int ErrorCount => _errors?.Count ?? 0;

    /// <summary>Validates <paramref name="value"/>; with <paramref name="correct"/>, registered correctors run first.</summary>
    public static ValidationResult Validate(IValidatable value, ValidationSettings? settings = null, bool correct = false)
    {
        ArgumentNullException.ThrowIfNull(value);
        var context = t_cached ?? new ValidationContext();
        t_cached = null;
        context.Settings = settings ?? ValidationSettings.Default;
        context.Correcting = correct;
        try
        {
            value.ValidateInto(context);
            return context._errors is null && context._corrections is null
                ? ValidationResult.Valid
                : new ValidationResult((IReadOnlyList<ValidationError>?)context._errors?.ToArray() ?? Array.Empty<ValidationError>(), (IReadOnlyList<Correction>?)context._corrections?.ToArray() ?? Array.Empty<Correction>());
        }
        finally
        {
            context._depth = 0;
            context._sensitiveDepth = -1;
            context._errors = null;
            context._corrections = null;
            context.Settings = ValidationSettings.Default;
            t_cached = context;
        }
    }

    /// <summary>Steps into a property; <paramref name="sensitive"/> hides the values of everything below it in reports.</summary>
    public void Push(string jsonName, bool sensitive = false)
    {
        Grow();
        _segments[_depth++] = new Segment(jsonName, -1);
        if (sensitive && _sensitiveDepth < 0)
        {
            _sensitiveDepth = _depth;
        }
    }

    /// <summary>Steps into an array item.</summary>
    public void Push(int index)
    {
        Grow();
        _segments[_depth++] = new Segment(null, index);
    }

    /// <summary>Steps back out.</summary>
    public void Pop()
    {
        if (_depth == _sensitiveDepth)
        {
            _sensitiveDepth = -1;
        }

        _depth--;
    }

    /// <summary>Reports a broken rule at the current path.</summary>
    /// <param name="rule">The keyword or rule name.</param>
    /// <param name="value">The offending value as text, if there is one.</param>
    /// <param name="message">A readable explanation.</param>
    public void Fail(string rule, string? value, string message) =>
        (_errors ??= new List<ValidationError>()).Add(new ValidationError(Pointer(), rule, Shown(value), message));

    /// <summary>Reports a broken rule at a property of the current path.</summary>
    public void Fail(string jsonName, string rule, string? value, string message)
    {
        Push(jsonName);
        Fail(rule, value, message);
        Pop();
    }

    /// <summary>Records a change a corrector made at a property of the current path.</summary>
    public void Corrected(string jsonName, string corrector, string? before, string? after)
    {
        Push(jsonName);
        (_corrections ??= new List<Correction>()).Add(new Correction(Pointer(), corrector, Shown(before), Shown(after)));
        Pop();
    }

    /// <summary>Validates a nested model or union at a property.</summary>
    public void Nested(string jsonName, IValidatable? value, bool sensitive = false)
    {
        if (value is null)
        {
            return;
        }

        Push(jsonName, sensitive);
        value.ValidateInto(this);
        Pop();
    }

    private string? Shown(string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (_sensitiveDepth >= 0)
        {
            return "***";
        }

        return value.Length > MaxValueLength ? value.Substring(0, MaxValueLength) + "…" : value;
    }

    private string Pointer()
    {
        var builder = new StringBuilder();
        for (var i = 0; i < _depth; i++)
        {
            builder.Append('/');
            var segment = _segments[i];
            if (segment.Name is { } name)
            {
                builder.Append(name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal));
            }
            else
            {
                builder.Append(segment.Index);
            }
        }

        return builder.ToString();
    }

    private void Grow()
    {
        if (_depth == _segments.Length)
        {
            Array.Resize(ref _segments, _segments.Length * 2);
        }
    }

    private readonly record struct Segment(string? Name, int Index);
}
