using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CrmSdkGen.Overlay;

/// <summary>RFC 9535's function extensions: length, count, match, search and value, with their argument types.</summary>
internal static class JsonPathFunctions
{
    private static readonly TimeSpan RegexBudget = TimeSpan.FromMilliseconds(200);

    public static void Check(FunctionValue function, int at)
    {
        var (count, nodesArgument) = function.Name switch
        {
            "length" => (1, false),
            "count" => (1, true),
            "value" => (1, true),
            "match" or "search" => (2, false),
            _ => throw new JsonPathException($"'{function.Name}' is not a JSONPath function (length, count, match, search, value).", at),
        };
        if (function.Arguments.Count != count)
        {
            throw new JsonPathException($"{function.Name}() takes {count} argument{(count == 1 ? string.Empty : "s")}.", at);
        }

        foreach (var argument in function.Arguments)
        {
            var valid = nodesArgument
                ? argument is QueryValue
                : argument is LiteralValue || argument is QueryValue { Query.IsSingular: true } || argument is FunctionValue { Name: "length" or "count" or "value" };
            if (!valid)
            {
                throw new JsonPathException(nodesArgument ? $"{function.Name}() takes a query." : $"{function.Name}() takes a literal, a singular query or a value function.", at);
            }
        }
    }

    /// <summary>The function's result: a value (<see cref="JsonPathValue"/>) or, for match and search, a logical one.</summary>
    public static JsonPathValue Evaluate(FunctionValue function, Func<FilterValue, IReadOnlyList<JsonNode?>> nodes, Func<FilterValue, JsonPathValue> value)
    {
        switch (function.Name)
        {
            case "count":
                return JsonPathValue.Of(JsonValue.Create(nodes(function.Arguments[0]).Count));
            case "value":
                var found = nodes(function.Arguments[0]);
                return found.Count == 1 ? JsonPathValue.Of(found[0]) : JsonPathValue.Nothing;
            case "length":
                var argument = value(function.Arguments[0]);
                return argument.Exists ? Length(argument.Node) : JsonPathValue.Nothing;
            default:
                var text = value(function.Arguments[0]);
                var pattern = value(function.Arguments[1]);
                return JsonPathValue.Logical(IsString(text) && IsString(pattern) && Matches(Text(text), Text(pattern), whole: function.Name == "match"));
        }
    }

    private static JsonPathValue Length(JsonNode? node) => node switch
    {
        JsonObject map => JsonPathValue.Of(JsonValue.Create(map.Count)),
        JsonArray list => JsonPathValue.Of(JsonValue.Create(list.Count)),
        JsonValue scalar when scalar.GetValueKind() == JsonValueKind.String => JsonPathValue.Of(JsonValue.Create(CountScalars(scalar.GetValue<string>()))),
        _ => JsonPathValue.Nothing,
    };

    // Unicode scalar values, as RFC 9535 counts them: a surrogate pair is one.
    private static int CountScalars(string text)
    {
        var count = 0;
        for (var index = 0; index < text.Length; index++)
        {
            count++;
            if (char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
            {
                index++;
            }
        }

        return count;
    }

    private static bool IsString(JsonPathValue value) => value.Exists && value.Node is JsonValue scalar && scalar.GetValueKind() == JsonValueKind.String;

    private static string Text(JsonPathValue value) => value.Node!.GetValue<string>();

    // I-Regexp (RFC 9485) is a subset of .NET's syntax, except that '.' matches anything but CR and LF.
    private static bool Matches(string text, string pattern, bool whole)
    {
        try
        {
            var translated = Translate(pattern);
            return Regex.IsMatch(text, whole ? "^(?:" + translated + ")$" : translated, RegexOptions.CultureInvariant, RegexBudget);
        }
        catch (Exception exception) when (exception is ArgumentException or RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static string Translate(string pattern)
    {
        var builder = new StringBuilder(pattern.Length + 8);
        var inClass = false;
        for (var index = 0; index < pattern.Length; index++)
        {
            var character = pattern[index];
            if (character == '\\' && index + 1 < pattern.Length)
            {
                builder.Append(character).Append(pattern[++index]);
                continue;
            }

            inClass = character == '[' || (character != ']' && inClass);
            builder.Append(character == '.' && !inClass ? "[^\\n\\r]" : character.ToString());
        }

        return builder.ToString();
    }
}
