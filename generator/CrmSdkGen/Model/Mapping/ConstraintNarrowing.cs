using System.Collections.Generic;
using System.Globalization;

namespace CrmSdkGen.Model.Mapping;

/// <summary>How a new version's constraints narrow an old version's: each keyword that now rejects values valid before.</summary>
internal static class ConstraintNarrowing
{
    /// <summary>The narrowed keywords in words ("maxLength 80 → 40"), empty when nothing narrowed.</summary>
    public static List<string> Of(ApiConstraints? old, ApiConstraints? current)
    {
        var narrowed = new List<string>();
        if (current is null)
        {
            return narrowed;
        }

        old ??= new ApiConstraints();
        Upper(old.MaxLength, current.MaxLength, "maxLength", narrowed);
        Lower(old.MinLength, current.MinLength, "minLength", narrowed);
        Upper(old.MaxItems, current.MaxItems, "maxItems", narrowed);
        Lower(old.MinItems, current.MinItems, "minItems", narrowed);
        Upper(old.MaxProperties, current.MaxProperties, "maxProperties", narrowed);
        Lower(old.MinProperties, current.MinProperties, "minProperties", narrowed);
        UpperNumber(old.Maximum, current.Maximum, "maximum", narrowed);
        LowerNumber(old.Minimum, current.Minimum, "minimum", narrowed);
        if (current.Pattern is { } pattern && pattern != old.Pattern)
        {
            narrowed.Add(old.Pattern is null ? $"pattern {pattern} added" : $"pattern changed from {old.Pattern} to {pattern}");
        }

        if (current.MultipleOf is { } multiple && multiple != old.MultipleOf)
        {
            narrowed.Add($"multipleOf {multiple}");
        }

        if (current.UniqueItems && !old.UniqueItems)
        {
            narrowed.Add("uniqueItems");
        }

        if ((current.ExclusiveMaximum && !old.ExclusiveMaximum) || (current.ExclusiveMinimum && !old.ExclusiveMinimum))
        {
            narrowed.Add("an exclusive bound");
        }

        return narrowed;
    }

    private static void Upper(int? old, int? current, string keyword, List<string> narrowed)
    {
        if (current is { } now && (old is null || now < old))
        {
            narrowed.Add($"{keyword} {(old is null ? "added" : old.Value.ToString(CultureInfo.InvariantCulture) + " →")} {now.ToString(CultureInfo.InvariantCulture)}");
        }
    }

    private static void Lower(int? old, int? current, string keyword, List<string> narrowed)
    {
        if (current is { } now && now > (old ?? 0))
        {
            narrowed.Add($"{keyword} {(old ?? 0).ToString(CultureInfo.InvariantCulture)} → {now.ToString(CultureInfo.InvariantCulture)}");
        }
    }

    private static void UpperNumber(string? old, string? current, string keyword, List<string> narrowed)
    {
        if (current is not null && (old is null || (decimal.TryParse(current, NumberStyles.Float, CultureInfo.InvariantCulture, out var now)
            && decimal.TryParse(old, NumberStyles.Float, CultureInfo.InvariantCulture, out var before) && now < before)))
        {
            narrowed.Add($"{keyword} {old ?? "added"} → {current}");
        }
    }

    private static void LowerNumber(string? old, string? current, string keyword, List<string> narrowed)
    {
        if (current is not null && (old is null || (decimal.TryParse(current, NumberStyles.Float, CultureInfo.InvariantCulture, out var now)
            && decimal.TryParse(old, NumberStyles.Float, CultureInfo.InvariantCulture, out var before) && now > before)))
        {
            narrowed.Add($"{keyword} {old ?? "added"} → {current}");
        }
    }
}
