using System;
using System.Globalization;
using System.Text.Json;

namespace CrmSdkGen.Runtime.Diff;

/// <summary>
/// JSON equality in two strengths. <see cref="AreSemanticallyEqual"/> is how a CRM means its data, for diffs, drift and
/// conflicts: numbers by value (1 equals 1.0), date-times by instant (the same moment in another offset is equal),
/// objects regardless of member order, arrays by position. <see cref="AreEqualAsJson"/> is RFC 6902's (the JSON Patch
/// <c>test</c>): the same, except that strings are equal only when their characters are. Both allocate nothing.
/// </summary>
public static class JsonEquality
{
    /// <summary>Whether two JSON values mean the same to a CRM: date-time strings compared by instant.</summary>
    public static bool AreSemanticallyEqual(JsonElement left, JsonElement right) => AreEqual(left, right, semantic: true);

    /// <summary>Whether two JSON values are equal as RFC 6902 defines it for <c>test</c>: strings by their characters, numbers by value, objects regardless of member order.</summary>
    public static bool AreEqualAsJson(JsonElement left, JsonElement right) => AreEqual(left, right, semantic: false);

    private static bool AreEqual(JsonElement left, JsonElement right, bool semantic)
    {
        if (left.ValueKind != right.ValueKind)
        {
            return false;
        }

#if NET10_0_OR_GREATER
        // Identical text is equal meaning; a record fetched again unchanged usually is byte for byte the same.
        if (left.ValueKind is JsonValueKind.Object or JsonValueKind.Array
            && System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(left).SequenceEqual(System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(right)))
        {
            return true;
        }
#endif

        switch (left.ValueKind)
        {
            case JsonValueKind.Number:
                return left.TryGetDecimal(out var x) && right.TryGetDecimal(out var y) ? x == y : left.GetDouble().Equals(right.GetDouble());
            case JsonValueKind.String:
                return StringsEqual(left, right, semantic);
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
                        if (!AreEqual(leftItems.Current, rightItems.Current, semantic))
                        {
                            return false;
                        }
                    }
                }

                return true;
            case JsonValueKind.Object:
                return ObjectsEqual(left, right, semantic);
            default:
                return true;
        }
    }

    private static bool ObjectsEqual(JsonElement left, JsonElement right, bool semantic)
    {
#if NET10_0_OR_GREATER
        if (left.GetPropertyCount() != right.GetPropertyCount())
        {
            return false;
        }

        // Records of one API list their members in the same order: pair them by position on their raw UTF-8 names,
        // and look a member up by name only when the orders differ.
        using var rightMembers = right.EnumerateObject();
        foreach (var member in left.EnumerateObject())
        {
            rightMembers.MoveNext();
            var name = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8PropertyName(member);
            JsonElement other;
            if (name.SequenceEqual(System.Runtime.InteropServices.JsonMarshal.GetRawUtf8PropertyName(rightMembers.Current)))
            {
                other = rightMembers.Current.Value;
            }
            else if (!(name.IndexOf((byte)'\\') < 0 ? right.TryGetProperty(name, out other) : right.TryGetProperty(member.Name, out other)))
            {
                return false;
            }

            if (!AreEqual(member.Value, other, semantic))
            {
                return false;
            }
        }

        return true;
#else
        var leftCount = 0;
        foreach (var member in left.EnumerateObject())
        {
            leftCount++;
            if (!right.TryGetProperty(member.Name, out var other) || !AreEqual(member.Value, other, semantic))
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
#endif
    }

    private static bool StringsEqual(JsonElement left, JsonElement right, bool semantic)
    {
#if NET10_0_OR_GREATER
        // Compare the raw UTF-8 first; only escapes or two date-times need the decoded text.
        var leftRaw = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(left);
        var rightRaw = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(right);
        if (leftRaw.SequenceEqual(rightRaw))
        {
            return true;
        }

        if (leftRaw.IndexOf((byte)'\\') < 0 && rightRaw.IndexOf((byte)'\\') < 0 && !(semantic && RawDateTime(leftRaw) && RawDateTime(rightRaw)))
        {
            return false;
        }
#endif
        var leftText = left.GetString()!;
        if (right.ValueEquals(leftText))
        {
            return true;
        }

        if (!semantic)
        {
            return false;
        }

        var rightText = right.GetString()!;
        return LooksLikeDateTime(leftText) && LooksLikeDateTime(rightText)
            && DateTimeOffset.TryParse(leftText, CultureInfo.InvariantCulture, DateTimeStyles.None, out var leftInstant)
            && DateTimeOffset.TryParse(rightText, CultureInfo.InvariantCulture, DateTimeStyles.None, out var rightInstant)
            && leftInstant.UtcTicks == rightInstant.UtcTicks;
    }

#if NET10_0_OR_GREATER
    private static bool RawDateTime(ReadOnlySpan<byte> raw) =>
        raw.Length >= 22 && raw[5] == (byte)'-' && raw[8] == (byte)'-' && (raw[11] == (byte)'T' || raw[11] == (byte)'t');
#endif

    // RFC 3339: "2024-01-02T03:04:05Z"; cheap to rule out before parsing.
    private static bool LooksLikeDateTime(string text) =>
        text.Length >= 20 && text[4] == '-' && text[7] == '-' && (text[10] == 'T' || text[10] == 't');
}
