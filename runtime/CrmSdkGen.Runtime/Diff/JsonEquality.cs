using System;
using System.Collections.Generic;
using System.Text.Json;

namespace CrmSdkGen.Runtime.Diff;

/// <summary>Semantic JSON equality: numbers by value (1 equals 1.0), objects regardless of member order, arrays by position.</summary>
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
                return left.ValueEquals(right.GetString());
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
                var rightMembers = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
                foreach (var member in right.EnumerateObject())
                {
                    rightMembers[member.Name] = member.Value;
                }

                var count = 0;
                foreach (var member in left.EnumerateObject())
                {
                    count++;
                    if (!rightMembers.TryGetValue(member.Name, out var other) || !AreEqual(member.Value, other))
                    {
                        return false;
                    }
                }

                return count == rightMembers.Count;
            default:
                return true;
        }
    }
}
