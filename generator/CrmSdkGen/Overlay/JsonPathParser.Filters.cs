using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace CrmSdkGen.Overlay;

internal sealed partial class JsonPathParser
{
    private static readonly string[] ComparisonOperators = { "==", "!=", "<=", ">=", "<", ">" };

    private FilterExpression ParseOr()
    {
        var operands = new List<FilterExpression> { ParseAnd() };
        while (TrySkipThen("||"))
        {
            operands.Add(ParseAnd());
        }

        return operands.Count == 1 ? operands[0] : new OrExpression(operands);
    }

    private FilterExpression ParseAnd()
    {
        var operands = new List<FilterExpression> { ParseBasic() };
        while (TrySkipThen("&&"))
        {
            operands.Add(ParseBasic());
        }

        return operands.Count == 1 ? operands[0] : new AndExpression(operands);
    }

    private FilterExpression ParseBasic()
    {
        SkipSpace();
        if (TryTake('!'))
        {
            SkipSpace();
            if (TryTake('('))
            {
                return new NotExpression(ParseParenthesised());
            }

            var tested = ParseValue();
            return new NotExpression(Test(tested));
        }

        if (TryTake('('))
        {
            return ParseParenthesised();
        }

        var start = _position;
        var left = ParseValue();
        var beforeOperator = _position;
        SkipSpace();
        foreach (var candidate in ComparisonOperators)
        {
            if (string.CompareOrdinal(_text, _position, candidate, 0, candidate.Length) == 0)
            {
                _position += candidate.Length;
                SkipSpace();
                var rightStart = _position;
                var right = ParseValue();
                Comparable(left, start);
                Comparable(right, rightStart);
                return new ComparisonExpression(left, candidate, right);
            }
        }

        _position = beforeOperator;
        return Test(left, start);
    }

    private FilterExpression ParseParenthesised()
    {
        var inner = Nested(ParseOr);
        SkipSpace();
        Expect(')');
        return inner;
    }

    private TestExpression Test(FilterValue value, int? at = null)
    {
        var valid = value is QueryValue || value is FunctionValue { Name: "match" or "search" };
        return valid ? new TestExpression(value) : throw new JsonPathException("A test must be a query or match()/search(); compare other values with ==, <, ...", at ?? _position);
    }

    // RFC 9535: only literals, singular queries and functions of value type can be compared.
    private static void Comparable(FilterValue value, int at)
    {
        var valid = value switch
        {
            LiteralValue => true,
            QueryValue query => query.Query.IsSingular,
            FunctionValue function => function.Name is "length" or "count" or "value",
            _ => false,
        };
        if (!valid)
        {
            throw new JsonPathException("Only literals, singular queries (names and indexes) and length(), count() or value() can be compared.", at);
        }
    }

    private FilterValue ParseValue()
    {
        SkipSpace();
        var character = Peek();
        if (character is '@' or '$')
        {
            return new QueryValue(ParseQuery());
        }

        if (character is '\'' or '"')
        {
            return new LiteralValue(JsonValue.Create(ParseString()));
        }

        if (character == '-' || char.IsDigit(character) && character <= '9')
        {
            return new LiteralValue(ParseNumber());
        }

        var start = _position;
        while (Peek() is >= 'a' and <= 'z' or '_' || char.IsDigit(Peek()) && Peek() <= '9' && _position > start)
        {
            _position++;
        }

        var word = _text.Substring(start, _position - start);
        switch (word)
        {
            case "true": return new LiteralValue(JsonValue.Create(true));
            case "false": return new LiteralValue(JsonValue.Create(false));
            case "null": return new LiteralValue(null);
        }

        if (word.Length == 0 || Peek() != '(')
        {
            _position = start;
            throw Error("Expected a query, a literal or a function.");
        }

        return ParseFunction(word, start);
    }

    private FunctionValue ParseFunction(string name, int start)
    {
        Expect('(');
        var arguments = new List<FilterValue>();
        SkipSpace();
        if (!TryTake(')'))
        {
            do
            {
                arguments.Add(Nested(ParseArgument));
                SkipSpace();
            }
            while (TryTake(','));
            Expect(')');
        }

        var function = new FunctionValue(name, arguments);
        JsonPathFunctions.Check(function, start);
        return function;
    }

    // A value, unless a logical expression follows it (match(@.a, 'x') && ... as an argument is a logical one).
    private FilterValue ParseArgument()
    {
        SkipSpace();
        var start = _position;
        var value = ParseValue();
        SkipSpace();
        if (Peek() is ',' or ')')
        {
            return value;
        }

        _position = start;
        return new LogicalValue(ParseOr());
    }

    private JsonNode? ParseNumber()
    {
        var start = _position;
        TryTake('-');
        while (char.IsDigit(Peek()) && Peek() <= '9')
        {
            _position++;
        }

        if (TryTake('.'))
        {
            while (char.IsDigit(Peek()) && Peek() <= '9')
            {
                _position++;
            }
        }

        if (Peek() is 'e' or 'E')
        {
            _position++;
            _ = TryTake('+') || TryTake('-');
            while (char.IsDigit(Peek()) && Peek() <= '9')
            {
                _position++;
            }
        }

        var text = _text.Substring(start, _position - start);
        if (text is "-" or "" || text.EndsWith(".", System.StringComparison.Ordinal))
        {
            throw new JsonPathException($"'{text}' is not a number.", start);
        }

        return Number(text);
    }

    private bool TrySkipThen(string token)
    {
        var start = _position;
        SkipSpace();
        if (string.CompareOrdinal(_text, _position, token, 0, token.Length) == 0)
        {
            _position += token.Length;
            return true;
        }

        _position = start;
        return false;
    }
}
