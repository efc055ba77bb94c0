using System;
using System.Globalization;
using System.Text.Json;

namespace CrmSdkGen.Runtime.Diff;

/// <summary>
/// Semantic JSON equality, as a CRM means its data: numbers by value (1 equals 1.0), date-times by instant (the same
/// moment in another offset is equal), objects regardless of member order, arrays by position. Allocates nothing.
/// </summary>
public static class JsonEquality
{
    /// <summary>Whether two JSON values mean the same.</summary>
    public static bool AreEqual(JsonElement left, JsonElement right)
    {
        if (left.ValueKind != right.ValueKind)
        {
            return false;
        }

        switch (left.ValueKind)
        {
            case JsonValueKind.Number:
                return left.TryGetDecimal(out var x) && right.TryGetDecimal(out var y) ? x == y : left.GetDouble().Equals(right.GetDouble());
            case JsonValueKind.String:
                return StringsEqual(left, right);
            case JsonValueKind.Array:
                if (left.GetArrayLength() != right.GetArrayLength())
                {
                    return false;
                }

                using (var leftItems = left.EnumerateArray())
                using (var rightItems = right.EnumerateArray())
                {
                    while (leftItems.MoveNext() && rightItems.MoveNext())
                    {
                        if (!AreEqual(leftItems.Current, rightItems.Current))
                        {
                            return false;
                        }
                    }
                }

                return true;
            case JsonValueKind.Object:
                return ObjectsEqual(left, right);
            default:
                return true;
        }
    }

    private static bool ObjectsEqual(JsonElement left, JsonElement right)
    {
        var leftCount = 0;
        foreach (var member in left.EnumerateObject())
        {
            leftCount++;
            if (!right.TryGetProperty(member.Name, out var other) || !AreEqual(member.Value, other))
            {
                return false;
            }
        }

        var rightCount = 0;
        foreach (var unused in right.EnumerateObject())
        {
            rightCount++;
        }

        return leftCount == rightCount;
    }

    private static bool StringsEqual(JsonElement left, JsonElement right)
    {
        var leftText = left.GetString()!;
        if (right.ValueEquals(leftText))
        {
            return true;
        }

        var rightText = right.GetString()!;
        return LooksLikeDateTime(leftText) && LooksLikeDateTime(rightText)
            && DateTimeOffset.TryParse(leftText, CultureInfo.InvariantCulture, DateTimeStyles.None, out var leftInstant)
            && DateTimeOffset.TryParse(rightText, CultureInfo.InvariantCulture, DateTimeStyles.None, out var rightInstant)
            && leftInstant.UtcTicks == rightInstant.UtcTicks;
    }

    // RFC 3339: "2024-01-02T03:04:05Z"; cheap to rule out before parsing.
    private static bool LooksLikeDateTime(string text) =>
        text.Length >= 20 && text[4] == '-' && text[7] == '-' && (text[10] == 'T' || text[10] == 't');
}
