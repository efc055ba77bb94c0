using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Text.RegularExpressions;

namespace CrmSdkGen.Runtime.Validation;

/// <summary>The schema rules generated validators call, each at the context's current path; not meant for direct use.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ValidationRules
{
    /// <summary>The time a pattern may take on one value before the value is reported instead.</summary>
    public static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(100);

    /// <summary>A required property that is not set, or set to null where the schema does not allow null.</summary>
    public static void Required(ValidationContext context, string jsonName, bool isSet) =>
        context.Fail(jsonName, isSet ? "nullable" : "required", null, isSet ? "must not be null" : "is required");

    /// <summary>minLength and maxLength, counted in Unicode code points as JSON Schema counts them.</summary>
    public static void Length(ValidationContext context, string value, int? min, int? max)
    {
        var length = value.Length;
        for (var i = 0; i < value.Length - 1; i++)
        {
            if (char.IsSurrogatePair(value[i], value[i + 1]))
            {
                length--;
                i++;
            }
        }

        if (length < min)
        {
            context.Fail("minLength", value, $"must be at least {min} characters long, is {length}");
        }

        if (length > max)
        {
            context.Fail("maxLength", value, $"must be at most {max} characters long, is {length}");
        }
    }

    /// <summary>pattern, with a timeout so that a hostile value cannot stall the caller.</summary>
    public static void Pattern(ValidationContext context, string value, Regex pattern)
    {
        try
        {
            if (!pattern.IsMatch(value))
            {
                context.Fail("pattern", value, $"must match {pattern}");
            }
        }
        catch (RegexMatchTimeoutException)
        {
            context.Fail("pattern", value, $"took too long to match {pattern}");
        }
    }

    /// <summary>minimum, maximum and their exclusive forms.</summary>
    public static void Range(ValidationContext context, decimal value, decimal? minimum, bool exclusiveMinimum, decimal? maximum, bool exclusiveMaximum)
    {
        if (minimum is { } min && (exclusiveMinimum ? value <= min : value < min))
        {
            context.Fail(exclusiveMinimum ? "exclusiveMinimum" : "minimum", Text(value), $"must be {(exclusiveMinimum ? "greater than" : "at least")} {Text(min)}");
        }

        if (maximum is { } max && (exclusiveMaximum ? value >= max : value > max))
        {
            context.Fail(exclusiveMaximum ? "exclusiveMaximum" : "maximum", Text(value), $"must be {(exclusiveMaximum ? "less than" : "at most")} {Text(max)}");
        }
    }

    /// <summary>minimum, maximum and their exclusive forms, for binary floating point.</summary>
    public static void Range(ValidationContext context, double value, double? minimum, bool exclusiveMinimum, double? maximum, bool exclusiveMaximum)
    {
        if (minimum is { } min && (exclusiveMinimum ? value <= min : value < min))
        {
            context.Fail(exclusiveMinimum ? "exclusiveMinimum" : "minimum", Text(value), $"must be {(exclusiveMinimum ? "greater than" : "at least")} {Text(min)}");
        }

        if (maximum is { } max && (exclusiveMaximum ? value >= max : value > max))
        {
            context.Fail(exclusiveMaximum ? "exclusiveMaximum" : "maximum", Text(value), $"must be {(exclusiveMaximum ? "less than" : "at most")} {Text(max)}");
        }
    }

    /// <summary>multipleOf, exactly.</summary>
    public static void MultipleOf(ValidationContext context, decimal value, decimal step)
    {
        if (value % step != 0)
        {
            context.Fail("multipleOf", Text(value), $"must be a multiple of {Text(step)}");
        }
    }

    /// <summary>multipleOf for binary floating point, within the precision of the step.</summary>
    public static void MultipleOf(ValidationContext context, double value, double step)
    {
        var quotient = value / step;
        if (Math.Abs(quotient - Math.Round(quotient)) > 1e-9 * Math.Max(1, Math.Abs(quotient)))
        {
            context.Fail("multipleOf", Text(value), $"must be a multiple of {Text(step)}");
        }
    }

    /// <summary>minItems and maxItems.</summary>
    public static void Items(ValidationContext context, int count, int? min, int? max)
    {
        if (count < min)
        {
            context.Fail("minItems", null, $"must have at least {min} items, has {count}");
        }

        if (count > max)
        {
            context.Fail("maxItems", null, $"must have at most {max} items, has {count}");
        }
    }

    /// <summary>minProperties and maxProperties.</summary>
    public static void Properties(ValidationContext context, int count, int? min, int? max)
    {
        if (count < min)
        {
            context.Fail("minProperties", null, $"must have at least {min} properties, has {count}");
        }

        if (count > max)
        {
            context.Fail("maxProperties", null, $"must have at most {max} properties, has {count}");
        }
    }

    /// <summary>uniqueItems; small arrays are compared pairwise, so that checking them allocates nothing.</summary>
    public static void Unique<T>(ValidationContext context, IList<T> items)
    {
        var comparer = EqualityComparer<T>.Default;
        if (items.Count <= 32)
        {
            for (var i = 1; i < items.Count; i++)
            {
                for (var j = 0; j < i; j++)
                {
                    if (comparer.Equals(items[i], items[j]))
                    {
                        Duplicate(context, i, j, items[i]);
                        return;
                    }
                }
            }

            return;
        }

        var seen = new HashSet<T>(comparer);
        for (var i = 0; i < items.Count; i++)
        {
            if (!seen.Add(items[i]))
            {
                var first = 0;
                while (!comparer.Equals(items[first], items[i]))
                {
                    first++;
                }

                Duplicate(context, i, first, items[i]);
                return;
            }
        }
    }

    /// <summary>enum, for open string enums: a value the spec does not list, unless the settings allow them.</summary>
    public static void Known(ValidationContext context, bool isKnown, string value)
    {
        if (!isKnown && !context.Settings.AllowUnknownEnumValues)
        {
            context.Fail("enum", value, "is not one of the values the spec lists");
        }
    }

    /// <summary>format, for the string formats that stay strings in C# (the others are parsed into their own types).</summary>
    public static void Format(ValidationContext context, string value, string format)
    {
        if (!StringFormats.IsValid(format, value))
        {
            context.Fail("format", value, $"is not a valid {format}");
        }
    }

    /// <summary>Runs <paramref name="check"/> on each non-null value of a map at its key; a Dictionary is walked without allocating.</summary>
    public static void EachValue<T>(ValidationContext context, IDictionary<string, T> map, Action<ValidationContext, T> check)
    {
        if (map is Dictionary<string, T> dictionary)
        {
            foreach (var pair in dictionary)
            {
                Check(context, pair, check);
            }

            return;
        }

        foreach (var pair in map)
        {
            Check(context, pair, check);
        }
    }

    private static void Check<T>(ValidationContext context, KeyValuePair<string, T> pair, Action<ValidationContext, T> check)
    {
        // "pair.Value is null" boxes a value-type T until the JIT optimises the method; the comparer never does.
        if (NullableDefault<T>.IsNull && EqualityComparer<T>.Default.Equals(pair.Value, default!))
        {
            return;
        }

        context.Push(pair.Key);
        check(context, pair.Value);
        context.Pop();
    }

    private static class NullableDefault<T>
    {
        public static readonly bool IsNull = default(T) is null;
    }

    private static void Duplicate<T>(ValidationContext context, int index, int first, T item)
    {
        context.Push(index);
        context.Fail("uniqueItems", item?.ToString(), $"repeats item {first}");
        context.Pop();
    }

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
