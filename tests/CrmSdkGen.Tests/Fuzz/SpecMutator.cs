using System.Text;
using System.Text.Json.Nodes;

namespace CrmSdkGen.Tests.Fuzz;

/// <summary>
/// Seeded mutations of a spec's text: structural ones on its JSON tree (nodes of the wrong kind, references to
/// anywhere including themselves and other files, deletions, copies, huge names, deep nesting), byte-level ones, and
/// YAML ones (tags, anchors and aliases, tabs, duplicate keys). The same seed always gives the same mutant.
/// </summary>
internal sealed class SpecMutator(Random random, int hugeLength)
{
    private static readonly string[] Kinds = ["[]", "[1, \"a\"]", "42", "\"x\"", "true", "null", "{}", "{\"type\": \"object\", \"properties\": []}", "-1e309"];

    public (string Kind, string Text) Mutate(string text, bool json, string siblingName)
    {
        var choice = random.Next(json ? 12 : 10);
        if (json && choice < 5 && TryParse(text) is { } tree)
        {
            return ("structure", MutateTree(tree, siblingName, choice));
        }

        return choice switch
        {
            0 or 6 => ("flip bytes", FlipBytes(text)),
            1 or 7 => ("cut", text.Substring(0, random.Next(text.Length))),
            2 => ("insert", text.Insert(random.Next(text.Length), Pick(["{", "}", "[", "]", ":", "\"", "'", "\t", "\n  - ", "#", "&a ", "*a", "!!binary ", "\u0000", "\uFFFF"]))),
            3 => ("yaml tag", ReplaceValue(text, Pick(["!!binary R0lGODlh", "!!int x", "!!map {}", "!!seq []", "!foo bar", "*undefined"]))),
            4 => ("yaml aliases", "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n" + text),
            5 => ("deep nesting", Nest(text, json)),
            8 => ("duplicate key", DuplicateLine(text)),
            9 => ("huge value", ReplaceValue(text, new string('n', hugeLength))),
            _ => ("delete range", DeleteRange(text)),
        };
    }

    private string MutateTree(JsonNode tree, string siblingName, int choice)
    {
        var nodes = new List<(JsonNode Node, string Pointer)>();
        Collect(tree, "#", nodes);
        var (target, pointer) = nodes[random.Next(nodes.Count)];
        var (other, otherPointer) = nodes[random.Next(nodes.Count)];
        switch (choice)
        {
            case 0:
                Replace(target, JsonNode.Parse(Pick(Kinds)));
                break;
            case 5:
                Replace(target, JsonNode.Parse(new string('[', 500) + new string(']', 500), documentOptions: new() { MaxDepth = 1000 }));
                break;
            case 1:
                // A reference to anywhere: an ancestor or itself makes a cycle; a sibling file or its own file name crosses files.
                var reference = Pick([otherPointer, pointer, "#/components/schemas/" + Pick(["A", "Missing", ""]), siblingName + otherPointer, "fuzz.json" + otherPointer, siblingName + "#/X", "https://example.com/v1/" + siblingName + otherPointer]);
                Replace(target, new JsonObject { ["$ref"] = reference });
                break;
            case 2:
                if (target.Parent is JsonObject parent)
                {
                    parent.Remove(target.GetPropertyName());
                }

                break;
            case 3:
                if (!IsAncestor(target, other))
                {
                    Replace(target, other.DeepClone());
                }

                break;
            case 4:
                if (target is JsonObject map)
                {
                    map[new string('N', hugeLength)] = new JsonObject { ["type"] = "string", ["description"] = new string('d', hugeLength) };
                }
                else
                {
                    Replace(target, JsonValue.Create(new string('v', hugeLength)));
                }

                break;
        }

        return tree.ToJsonString();
    }

    private static void Collect(JsonNode node, string pointer, List<(JsonNode, string)> nodes)
    {
        nodes.Add((node, pointer));
        if (node is JsonObject map)
        {
            foreach (var (key, value) in map)
            {
                if (value is not null)
                {
                    Collect(value, pointer + "/" + key.Replace("~", "~0").Replace("/", "~1"), nodes);
                }
            }
        }
        else if (node is JsonArray list)
        {
            for (var i = 0; i < list.Count; i++)
            {
                if (list[i] is { } item)
                {
                    Collect(item, pointer + "/" + i, nodes);
                }
            }
        }
    }

    private static void Replace(JsonNode target, JsonNode? replacement)
    {
        switch (target.Parent)
        {
            case JsonObject map:
                map[target.GetPropertyName()] = replacement;
                break;
            case JsonArray list:
                list[target.GetElementIndex()] = replacement;
                break;
        }
    }

    private static bool IsAncestor(JsonNode node, JsonNode of)
    {
        for (var current = of; current is not null; current = current.Parent)
        {
            if (ReferenceEquals(current, node))
            {
                return true;
            }
        }

        return false;
    }

    private static JsonNode? TryParse(string text)
    {
        try
        {
            return JsonNode.Parse(text, documentOptions: new() { MaxDepth = 4096 });
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private string FlipBytes(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        for (var i = 0; i < 1 + random.Next(8); i++)
        {
            bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
        }

        return Encoding.UTF8.GetString(bytes);
    }

    private string DeleteRange(string text)
    {
        var start = random.Next(text.Length);
        return text.Remove(start, Math.Min(text.Length - start, 1 + random.Next(200)));
    }

    private string ReplaceValue(string text, string value)
    {
        var lines = text.Split('\n');
        var index = random.Next(lines.Length);
        var colon = lines[index].IndexOf(": ", StringComparison.Ordinal);
        if (colon > 0)
        {
            lines[index] = lines[index].Substring(0, colon + 2) + value;
        }

        return string.Join('\n', lines);
    }

    private string DuplicateLine(string text)
    {
        var lines = text.Split('\n').ToList();
        var index = random.Next(lines.Count);
        lines.Insert(index, lines[index]);
        return string.Join('\n', lines);
    }

    private string Nest(string text, bool json)
    {
        var depth = 2000 + random.Next(3000);
        var nested = new string('[', depth) + new string(']', depth);
        return json ? text.Insert(text.IndexOf('{') + 1, "\"x-deep\": " + nested + ",") : text + "\nx-deep: " + nested + "\n";
    }

    private string Pick(string[] options) => options[random.Next(options.Length)];
}
