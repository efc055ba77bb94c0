using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json.Nodes;
using SharpYaml;
using SharpYaml.Events;

namespace CrmSdkGen.Read;

/// <summary>
/// YAML text to a JSON tree, from the parser's events with an explicit stack: nesting costs heap, not call stack, and
/// is bounded. Plain scalars are typed by the YAML 1.2 core schema, as OpenAPI tools read them; aliases are copied
/// within a node budget, so that a few anchors cannot expand into gigabytes.
/// </summary>
internal static class YamlTree
{
    public const int MaxDepth = 256;

    /// <summary>Reads the first document; throws <see cref="YamlException"/> or <see cref="SpecLimitException"/>.</summary>
    public static JsonNode? Parse(string text, int nodeBudget)
    {
        var parser = Parser.CreateParser(new StringReader(text));
        var anchors = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        var containers = new Stack<(JsonNode Node, string? Anchor, string? PendingKey)>();
        JsonNode? root = null;
        var done = false;
        var nodes = 0;
        while (!done && parser.MoveNext())
        {
            JsonNode? value;
            string? anchor = null;
            switch (parser.Current)
            {
                case MappingStart start:
                    Enter(new JsonObject(), start.Anchor, start.Start);
                    continue;
                case SequenceStart start:
                    Enter(new JsonArray(), start.Anchor, start.Start);
                    continue;
                case MappingEnd:
                case SequenceEnd:
                    var closed = containers.Pop();
                    value = closed.Node;
                    if (!string.IsNullOrEmpty(closed.Anchor))
                    {
                        anchors[closed.Anchor!] = closed.Node;
                    }

                    break;
                case Scalar scalar:
                    value = ScalarValue(scalar);
                    anchor = scalar.Anchor;
                    break;
                case AnchorAlias alias:
                    if (!anchors.TryGetValue(alias.Value, out var target))
                    {
                        throw new YamlException(alias.Start, alias.End, $"The alias '*{alias.Value}' names no anchor before it.");
                    }

                    nodes += Count(target);
                    if (nodes > nodeBudget)
                    {
                        throw new SpecLimitException(alias.Start.Line, alias.Start.Column, "Aliases expand to more nodes than the file's size allows.");
                    }

                    value = target?.DeepClone();
                    break;
                case DocumentEnd:
                    done = containers.Count == 0 && root is not null;
                    continue;
                default:
                    continue;
            }

            if (!string.IsNullOrEmpty(anchor))
            {
                anchors[anchor!] = value;
            }

            Add(value);
        }

        return root;

        void Enter(JsonNode container, string? containerAnchor, Mark at)
        {
            if (containers.Count >= MaxDepth)
            {
                throw new SpecLimitException(at.Line, at.Column, $"The YAML nests deeper than {MaxDepth} levels.");
            }

            containers.Push((container, containerAnchor, null));
        }

        void Add(JsonNode? value)
        {
            nodes++;
            if (containers.Count == 0)
            {
                root = value;
                done = true;
                return;
            }

            var top = containers.Pop();
            if (top.Node is JsonArray array)
            {
                array.Add(value);
                containers.Push(top);
            }
            else if (top.PendingKey is null)
            {
                // A key that is not a scalar (a YAML complex key) becomes its JSON text.
                containers.Push((top.Node, top.Anchor, value is JsonValue ? value.ToString() : value?.ToJsonString() ?? "null"));
            }
            else
            {
                // A repeated key keeps its last value, as YAML readers that do not refuse duplicates do.
                ((JsonObject)top.Node)[top.PendingKey] = value?.Parent is null ? value : value.DeepClone();
                containers.Push((top.Node, top.Anchor, null));
            }
        }
    }

    private static int Count(JsonNode? node) => node switch
    {
        JsonObject map => 1 + SumOf(map),
        JsonArray list => 1 + SumOf(list),
        _ => 1,
    };

    private static int SumOf(IEnumerable<KeyValuePair<string, JsonNode?>> map)
    {
        var sum = 0;
        foreach (var pair in map)
        {
            sum += Count(pair.Value);
        }

        return sum;
    }

    private static int SumOf(JsonArray list)
    {
        var sum = 0;
        foreach (var item in list)
        {
            sum += Count(item);
        }

        return sum;
    }

    private static JsonNode? ScalarValue(Scalar scalar)
    {
        var text = scalar.Value;
        if (scalar.Style != ScalarStyle.Plain || (scalar.Tag is { Length: > 0 } tag && tag != "?"))
        {
            return JsonValue.Create(text);
        }

        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return JsonValue.Create(integer);
        }

        if (text.IndexOfAny(new[] { '.', 'e', 'E' }) >= 0 && char.IsDigit(text[text.Length - 1])
            && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return JsonValue.Create(number);
        }

        return JsonValue.Create(text);
    }
}
