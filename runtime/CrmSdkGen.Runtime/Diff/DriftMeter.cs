using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using CrmSdkGen.Runtime.Json;

namespace CrmSdkGen.Runtime.Diff;

/// <summary>
/// Measures the drift between two copies of records matched by key (a local store and the CRM, two CRMs):
/// numbers by their absolute difference, everything else 0 when equal and 1 when not. Objects are compared field by
/// field down to their leaves; arrays as whole values; a field one side lacks counts as different.
/// </summary>
public static class DriftMeter
{
    /// <summary>Compares two copies of generated models, matched by <paramref name="key"/>.</summary>
    public static DriftReport Compare<T>(IEnumerable<T> left, IEnumerable<T> right, Func<T, string> key, DriftOptions? options = null)
        where T : class, IJsonModel<T>
    {
        ArgumentNullException.ThrowIfNull(key);
        var leftJson = left.Select(record => (Key: key(record), Json: JsonModel.ToElement(record))).ToList();
        var rightJson = right.Select(record => (Key: key(record), Json: JsonModel.ToElement(record))).ToList();
        return Measure(leftJson, rightJson, options ?? new DriftOptions());
    }

    /// <summary>Compares two copies of JSON records, matched by the value of <paramref name="keyProperty"/>.</summary>
    public static DriftReport Compare(IEnumerable<JsonElement> left, IEnumerable<JsonElement> right, string keyProperty, DriftOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(keyProperty);
        string Key(JsonElement record) => record.TryGetProperty(keyProperty, out var value) ? (value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText())
            : throw new ArgumentException($"A record has no '{keyProperty}' property to match it by.", nameof(keyProperty));
        return Measure(left.Select(record => (Key(record), record)).ToList(), right.Select(record => (Key(record), record)).ToList(), options ?? new DriftOptions());
    }

    /// <summary>Compares two keyed copies of JSON records, such as a sync store's records and the CRM's.</summary>
    public static DriftReport Compare(IReadOnlyDictionary<string, JsonElement> left, IReadOnlyDictionary<string, JsonElement> right, DriftOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return Measure(left.Select(pair => (pair.Key, pair.Value)).ToList(), right.Select(pair => (pair.Key, pair.Value)).ToList(), options ?? new DriftOptions());
    }

    private static DriftReport Measure(List<(string Key, JsonElement Json)> left, List<(string Key, JsonElement Json)> right, DriftOptions options)
    {
        var rightByKey = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var (key, json) in right)
        {
            rightByKey[key] = json;
        }

        var fields = new Dictionary<string, (int Compared, double Total)>(StringComparer.Ordinal);
        var order = new List<string>();
        var differences = new List<FieldDifference>();
        var onlyInLeft = new List<string>();
        var matchedKeys = new HashSet<string>(StringComparer.Ordinal);
        var compared = 0;
        var total = 0.0;
        foreach (var (key, leftRecord) in left)
        {
            if (!rightByKey.TryGetValue(key, out var rightRecord))
            {
                onlyInLeft.Add(key);
                continue;
            }

            matchedKeys.Add(key);
            var leftLeaves = Leaves(leftRecord);
            var rightLeaves = Leaves(rightRecord);
            foreach (var path in leftLeaves.Keys.Concat(rightLeaves.Keys.Where(path => !leftLeaves.ContainsKey(path))))
            {
                if (options.IgnoredFields.Contains(path))
                {
                    continue;
                }

                leftLeaves.TryGetValue(path, out var leftValue);
                rightLeaves.TryGetValue(path, out var rightValue);
                var distance = Distance(leftValue, rightValue, options);
                if (!fields.TryGetValue(path, out var field))
                {
                    order.Add(path);
                }

                fields[path] = (field.Compared + 1, field.Total + distance);
                compared++;
                total += distance;
                if (distance != 0)
                {
                    differences.Add(new FieldDifference(key, path, Text(leftValue), Text(rightValue), distance));
                }
            }
        }

        var onlyInRight = right.Select(record => record.Key).Where(key => !matchedKeys.Contains(key)).Distinct(StringComparer.Ordinal).ToList();
        return new DriftReport(
            compared == 0 ? 0 : total / compared,
            compared,
            matchedKeys.Count,
            order.Select(path => new FieldDrift(path, fields[path].Compared, fields[path].Total)).ToList(),
            differences,
            onlyInLeft,
            onlyInRight);
    }

    private static double Distance(JsonElement left, JsonElement right, DriftOptions options)
    {
        var leftMissing = left.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null;
        var rightMissing = right.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null;
        if (leftMissing || rightMissing)
        {
            return leftMissing && rightMissing ? 0 : 1;
        }

        if (left.ValueKind == JsonValueKind.Number && right.ValueKind == JsonValueKind.Number)
        {
            if (left.TryGetDecimal(out var x) && right.TryGetDecimal(out var y))
            {
                var difference = (double)Math.Abs(x - y);
                var scale = (double)Math.Max(Math.Abs(x), Math.Abs(y));
                return options.NormaliseNumbers ? (scale == 0 ? 0 : difference / scale) : difference;
            }

            var a = left.GetDouble();
            var b = right.GetDouble();
            var largest = Math.Max(Math.Abs(a), Math.Abs(b));
            return options.NormaliseNumbers ? (largest == 0 ? 0 : Math.Abs(a - b) / largest) : Math.Abs(a - b);
        }

        return JsonEquality.AreSemanticallyEqual(left, right) ? 0 : 1;
    }

    // Object members down to their leaves, by JSON Pointer; arrays and scalars are leaves.
    private static Dictionary<string, JsonElement> Leaves(JsonElement record)
    {
        var leaves = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        Collect(record, string.Empty, leaves);
        return leaves;
    }

    private static void Collect(JsonElement value, string path, Dictionary<string, JsonElement> leaves)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            leaves[path] = value;
            return;
        }

        foreach (var property in value.EnumerateObject())
        {
            Collect(property.Value, path + "/" + property.Name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal), leaves);
        }
    }

    private static string? Text(JsonElement value) => value.ValueKind == JsonValueKind.Undefined ? null : value.GetRawText();
}
