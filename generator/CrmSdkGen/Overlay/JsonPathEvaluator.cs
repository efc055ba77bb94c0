using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CrmSdkGen.Overlay;

/// <summary>Runs an RFC 9535 query over a JSON tree, giving the selected nodes in document order with their places.</summary>
internal static class JsonPathEvaluator
{
    public static List<JsonPathMatch> Select(JsonPathQuery query, JsonNode? root) => Select(query, root, root);

    private static List<JsonPathMatch> Select(JsonPathQuery query, JsonNode? root, JsonNode? current)
    {
        var nodes = new List<JsonPathMatch> { new(query.Relative ? current : root, null, null, -1) };
        foreach (var segment in query.Segments)
        {
            var next = new List<JsonPathMatch>();
            foreach (var node in nodes)
            {
                foreach (var visited in segment.Descendant ? SelfAndDescendants(node) : new[] { node })
                {
                    foreach (var selector in segment.Selectors)
                    {
                        Apply(selector, visited.Value, next, root);
                    }
                }
            }

            nodes = next;
        }

        return nodes;
    }

    private static IEnumerable<JsonPathMatch> SelfAndDescendants(JsonPathMatch start)
    {
        var pending = new Stack<JsonPathMatch>();
        pending.Push(start);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            yield return node;
            var children = Children(node.Value).ToList();
            for (var index = children.Count - 1; index >= 0; index--)
            {
                pending.Push(children[index]);
            }
        }
    }

    private static IEnumerable<JsonPathMatch> Children(JsonNode? node)
    {
        if (node is JsonObject map)
        {
            foreach (var member in map.ToList())
            {
                yield return new JsonPathMatch(member.Value, map, member.Key, -1);
            }
        }
        else if (node is JsonArray list)
        {
            for (var index = 0; index < list.Count; index++)
            {
                yield return new JsonPathMatch(list[index], list, null, index);
            }
        }
    }

    private static void Apply(JsonPathSelector selector, JsonNode? node, List<JsonPathMatch> into, JsonNode? root)
    {
        switch (selector)
        {
            case NameSelector name when node is JsonObject map && map.TryGetPropertyValue(name.Name, out var member):
                into.Add(new JsonPathMatch(member, map, name.Name, -1));
                break;
            case WildcardSelector:
                into.AddRange(Children(node));
                break;
            case IndexSelector index when node is JsonArray list:
                var at = index.Index < 0 ? list.Count + index.Index : index.Index;
                if (at >= 0 && at < list.Count)
                {
                    into.Add(new JsonPathMatch(list[(int)at], list, null, (int)at));
                }

                break;
            case SliceSelector slice when node is JsonArray list:
                foreach (var at2 in SliceIndexes(slice, list.Count))
                {
                    into.Add(new JsonPathMatch(list[at2], list, null, at2));
                }

                break;
            case FilterSelector filter:
                into.AddRange(Children(node).Where(child => Holds(filter.Expression, child.Value, root)));
                break;
        }
    }

    // RFC 9535 section 2.3.4.2.2: bounds normalised and clamped by the step's direction.
    private static IEnumerable<int> SliceIndexes(SliceSelector slice, int length)
    {
        if (slice.Step == 0)
        {
            yield break;
        }

        long Normalize(long value) => value >= 0 ? value : length + value;
        var step = slice.Step;
        var start = slice.Start is { } first ? Normalize(first) : step > 0 ? 0 : length - 1;
        var end = slice.End is { } last ? Normalize(last) : step > 0 ? length : -length - 1;
        if (step > 0)
        {
            var lower = Math.Min(Math.Max(start, 0), length);
            var upper = Math.Min(Math.Max(end, 0), length);
            for (var index = lower; index < upper; index += step)
            {
                yield return (int)index;
            }
        }
        else
        {
            var upper = Math.Min(Math.Max(start, -1), length - 1);
            var lower = Math.Min(Math.Max(end, -1), length - 1);
            for (var index = upper; lower < index; index += step)
            {
                yield return (int)index;
            }
        }
    }

    private static bool Holds(FilterExpression expression, JsonNode? current, JsonNode? root) => expression switch
    {
        OrExpression or => or.Operands.Any(operand => Holds(operand, current, root)),
        AndExpression and => and.Operands.All(operand => Holds(operand, current, root)),
        NotExpression not => !Holds(not.Operand, current, root),
        TestExpression { Tested: QueryValue query } => Select(query.Query, root, current).Count > 0,
        TestExpression test => Value(test.Tested, current, root).LogicalResult == true,
        ComparisonExpression comparison => Compare(Value(comparison.Left, current, root), comparison.Operator, Value(comparison.Right, current, root)),
        _ => false,
    };

    private static JsonPathValue Value(FilterValue value, JsonNode? current, JsonNode? root) => value switch
    {
        LiteralValue literal => JsonPathValue.Of(literal.Value),
        QueryValue query => Select(query.Query, root, current) is { Count: 1 } single ? JsonPathValue.Of(single[0].Value) : JsonPathValue.Nothing,
        FunctionValue function => JsonPathFunctions.Evaluate(
            function,
            argument => argument is QueryValue nodes ? Select(nodes.Query, root, current).Select(match => match.Value).ToList() : new List<JsonNode?>(),
            argument => Value(argument, current, root)),
        LogicalValue logical => JsonPathValue.Logical(Holds(logical.Expression, current, root)),
        _ => JsonPathValue.Nothing,
    };

    private static bool Compare(JsonPathValue left, string comparison, JsonPathValue right) => comparison switch
    {
        "==" => Equal(left, right),
        "!=" => !Equal(left, right),
        "<" => Less(left, right),
        ">" => Less(right, left),
        "<=" => Less(left, right) || Equal(left, right),
        _ => Less(right, left) || Equal(left, right),
    };

    private static bool Equal(JsonPathValue left, JsonPathValue right) =>
        !left.Exists || !right.Exists ? left.Exists == right.Exists : Same(left.Node, right.Node);

    private static bool Less(JsonPathValue left, JsonPathValue right)
    {
        if (!left.Exists || !right.Exists)
        {
            return false;
        }

        if (Number(left.Node) is { } a && Number(right.Node) is { } b)
        {
            return a < b;
        }

        return Text(left.Node) is { } x && Text(right.Node) is { } y && string.CompareOrdinal(x, y) < 0;
    }

    private static bool Same(JsonNode? left, JsonNode? right)
    {
        if (left is null || right is null)
        {
            return left is null && right is null;
        }

        if (Number(left) is { } a && Number(right) is { } b)
        {
            return a == b;
        }

        return (left, right) switch
        {
            (JsonObject x, JsonObject y) => x.Count == y.Count && x.All(member => y.TryGetPropertyValue(member.Key, out var other) && Same(member.Value, other)),
            (JsonArray x, JsonArray y) => x.Count == y.Count && x.Zip(y, Same).All(equal => equal),
            (JsonValue x, JsonValue y) => x.GetValueKind() == y.GetValueKind() && x.ToJsonString() == y.ToJsonString() || Text(x) is { } s && Text(y) == s,
            _ => false,
        };
    }

    private static double? Number(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && double.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null;

    private static string? Text(JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
