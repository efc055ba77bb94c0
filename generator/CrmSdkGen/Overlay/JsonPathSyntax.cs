using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace CrmSdkGen.Overlay;

/// <summary>An RFC 9535 query: <c>$</c> (or <c>@</c> inside a filter) followed by segments.</summary>
internal sealed record JsonPathQuery(bool Relative, IReadOnlyList<JsonPathSegment> Segments)
{
    /// <summary>Whether the query selects at most one node (names and indexes only, no descendants): RFC 9535's singular query.</summary>
    public bool IsSingular
    {
        get
        {
            foreach (var segment in Segments)
            {
                if (segment.Descendant || segment.Selectors.Count != 1 || segment.Selectors[0] is not (NameSelector or IndexSelector))
                {
                    return false;
                }
            }

            return true;
        }
    }
}

/// <summary>A child segment (<c>.name</c>, <c>[...]</c>) or, with <see cref="Descendant"/>, a descendant one (<c>..name</c>).</summary>
internal sealed record JsonPathSegment(bool Descendant, IReadOnlyList<JsonPathSelector> Selectors);

internal abstract record JsonPathSelector;

internal sealed record NameSelector(string Name) : JsonPathSelector;

internal sealed record WildcardSelector : JsonPathSelector;

internal sealed record IndexSelector(long Index) : JsonPathSelector;

internal sealed record SliceSelector(long? Start, long? End, long Step) : JsonPathSelector;

internal sealed record FilterSelector(FilterExpression Expression) : JsonPathSelector;

/// <summary>A logical expression of a filter: <c>||</c>, <c>&amp;&amp;</c>, <c>!</c>, comparisons and tests.</summary>
internal abstract record FilterExpression;

internal sealed record OrExpression(IReadOnlyList<FilterExpression> Operands) : FilterExpression;

internal sealed record AndExpression(IReadOnlyList<FilterExpression> Operands) : FilterExpression;

internal sealed record NotExpression(FilterExpression Operand) : FilterExpression;

/// <summary>An existence test (<c>@.name</c>) or a function of logical type (<c>match(...)</c>).</summary>
internal sealed record TestExpression(FilterValue Tested) : FilterExpression;

internal sealed record ComparisonExpression(FilterValue Left, string Operator, FilterValue Right) : FilterExpression;

/// <summary>An operand of a comparison or an argument of a function.</summary>
internal abstract record FilterValue;

internal sealed record LiteralValue(JsonNode? Value) : FilterValue;

internal sealed record QueryValue(JsonPathQuery Query) : FilterValue;

internal sealed record FunctionValue(string Name, IReadOnlyList<FilterValue> Arguments) : FilterValue;

internal sealed record LogicalValue(FilterExpression Expression) : FilterValue;
