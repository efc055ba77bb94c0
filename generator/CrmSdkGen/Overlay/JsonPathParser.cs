using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace CrmSdkGen.Overlay;

/// <summary>Reads RFC 9535 JSONPath: segments, every selector, filters with comparisons, <c>&amp;&amp;</c>, <c>||</c>, <c>!</c> and the five standard functions.</summary>
internal sealed partial class JsonPathParser
{
    private const int MaxNesting = 64;
    private readonly string _text;
    private int _position;
    private int _nesting;

    private JsonPathParser(string text) => _text = text;

    /// <exception cref="JsonPathException">The text is not a JSONPath query.</exception>
    public static JsonPathQuery Parse(string text)
    {
        var parser = new JsonPathParser(text);
        if (parser.Peek() != '$')
        {
            throw new JsonPathException("A JSONPath query starts with '$'.", 0);
        }

        var query = parser.ParseQuery();
        if (parser._position != text.Length)
        {
            throw parser.Error($"Unexpected '{text[parser._position]}'.");
        }

        return query;
    }

    private JsonPathQuery ParseQuery()
    {
        var relative = Next() == '@';
        var segments = new List<JsonPathSegment>();
        while (true)
        {
            var start = _position;
            SkipSpace();
            if (Peek() == '[')
            {
                segments.Add(new JsonPathSegment(false, ParseBracketed()));
            }
            else if (Peek() == '.' && PeekAt(1) == '.')
            {
                _position += 2;
                segments.Add(new JsonPathSegment(true, Peek() == '[' ? ParseBracketed() : new[] { ParseDotted() }));
            }
            else if (Peek() == '.')
            {
                _position++;
                segments.Add(new JsonPathSegment(false, new[] { ParseDotted() }));
            }
            else
            {
                _position = start;
                return new JsonPathQuery(relative, segments);
            }
        }
    }

    private JsonPathSelector ParseDotted()
    {
        if (Peek() == '*')
        {
            _position++;
            return new WildcardSelector();
        }

        var start = _position;
        if (!IsNameFirst(Peek()))
        {
            throw Error("Expected a member name or '*'.");
        }

        while (_position < _text.Length && (IsNameFirst(_text[_position]) || char.IsDigit(_text[_position]) && _text[_position] <= '9'))
        {
            _position++;
        }

        return new NameSelector(_text.Substring(start, _position - start));
    }

    private List<JsonPathSelector> ParseBracketed()
    {
        Expect('[');
        var selectors = new List<JsonPathSelector>();
        do
        {
            SkipSpace();
            selectors.Add(ParseSelector());
            SkipSpace();
        }
        while (TryTake(','));
        Expect(']');
        return selectors;
    }

    private JsonPathSelector ParseSelector()
    {
        switch (Peek())
        {
            case '\'':
            case '"':
                return new NameSelector(ParseString());
            case '*':
                _position++;
                return new WildcardSelector();
            case '?':
                _position++;
                SkipSpace();
                return new FilterSelector(Nested(ParseOr));
        }

        long? start = Peek() == ':' ? null : ParseInteger();
        SkipSpace();
        if (!TryTake(':'))
        {
            return start is { } index ? new IndexSelector(index) : throw Error("Expected a selector.");
        }

        SkipSpace();
        long? end = Peek() is ':' or ']' or ',' ? null : ParseInteger();
        SkipSpace();
        long step = 1;
        if (TryTake(':'))
        {
            SkipSpace();
            step = Peek() is ']' or ',' ? 1 : ParseInteger();
        }

        return new SliceSelector(start, end, step);
    }

    private long ParseInteger()
    {
        var start = _position;
        TryTake('-');
        if (!char.IsDigit(Peek()) || Peek() > '9')
        {
            throw Error("Expected an integer.");
        }

        if (Peek() == '0' && char.IsDigit(PeekAt(1)))
        {
            throw Error("An integer has no leading zeros.");
        }

        while (char.IsDigit(Peek()) && Peek() <= '9')
        {
            _position++;
        }

        var text = _text.Substring(start, _position - start);
        if (text == "-0" || !long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value > 9007199254740991 || value < -9007199254740991)
        {
            throw new JsonPathException($"'{text}' is not an index JSONPath allows.", start);
        }

        return value;
    }

    private string ParseString()
    {
        var quote = Next();
        var builder = new StringBuilder();
        while (true)
        {
            if (_position >= _text.Length)
            {
                throw Error("The string is not closed.");
            }

            var character = _text[_position++];
            if (character == quote)
            {
                return builder.ToString();
            }

            if (character < 0x20)
            {
                throw Error("A control character must be escaped in a string.");
            }

            if (character != '\\')
            {
                builder.Append(character);
                continue;
            }

            var escaped = Next();
            switch (escaped)
            {
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case '/': builder.Append('/'); break;
                case '\\': builder.Append('\\'); break;
                case 'u':
                    if (_position + 4 > _text.Length || !int.TryParse(_text.Substring(_position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                    {
                        throw Error("Expected four hexadecimal digits after \\u.");
                    }

                    builder.Append((char)code);
                    _position += 4;
                    break;
                default:
                    if (escaped != quote)
                    {
                        throw Error($"'\\{escaped}' is not an escape.");
                    }

                    builder.Append(escaped);
                    break;
            }
        }
    }

    private static bool IsNameFirst(char character) => character is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or '_' || character >= 0x80;

    private T Nested<T>(Func<T> parse)
    {
        if (++_nesting > MaxNesting)
        {
            throw Error($"The expression nests deeper than {MaxNesting} levels.");
        }

        try
        {
            return parse();
        }
        finally
        {
            _nesting--;
        }
    }

    private char Peek() => _position < _text.Length ? _text[_position] : '\0';

    private char PeekAt(int offset) => _position + offset < _text.Length ? _text[_position + offset] : '\0';

    private char Next() => _position < _text.Length ? _text[_position++] : throw Error("The expression ends too early.");

    private bool TryTake(char expected)
    {
        if (Peek() != expected)
        {
            return false;
        }

        _position++;
        return true;
    }

    private void Expect(char expected)
    {
        if (!TryTake(expected))
        {
            throw Error(_position < _text.Length ? $"Expected '{expected}' but found '{_text[_position]}'." : $"Expected '{expected}'.");
        }
    }

    private void SkipSpace()
    {
        while (Peek() is ' ' or '\t' or '\n' or '\r')
        {
            _position++;
        }
    }

    private JsonPathException Error(string message) => new(message, _position);

    private static JsonNode? Number(string text) => JsonValue.Create(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
}
