using System.Text.Json.Nodes;
using CrmSdkGen.Overlay;

namespace CrmSdkGen.Tests.Overlay;

/// <summary>RFC 9535 JSONPath, with the documents and queries of the RFC's own examples (sections 1.5 and 2.3 to 2.5).</summary>
public sealed class JsonPathTests
{
    private const string Bookstore = """
        { "store": {
            "book": [
              { "category": "reference", "author": "Nigel Rees", "title": "Sayings of the Century", "price": 8.95 },
              { "category": "fiction", "author": "Evelyn Waugh", "title": "Sword of Honour", "price": 12.99 },
              { "category": "fiction", "author": "Herman Melville", "title": "Moby Dick", "isbn": "0-553-21311-3", "price": 8.99 },
              { "category": "fiction", "author": "J. R. R. Tolkien", "title": "The Lord of the Rings", "isbn": "0-395-19395-8", "price": 22.99 }
            ],
            "bicycle": { "color": "red", "price": 399 } } }
        """;

    private const string Filters = """
        { "a": [3, 5, 1, 2, 4, 6, {"b": "j"}, {"b": "k"}, {"b": {}}, {"b": "kilo"}], "o": {"p": 1, "q": 2, "r": 3, "s": 5, "t": {"u": 6}}, "e": "f" }
        """;

    private const string Letters = """["a", "b", "c", "d", "e", "f", "g"]""";

    private const string Names = """{ "o": {"j j": {"k.k": 3}}, "'": {"@": 2} }""";

    private const string Nested = """{ "o": {"j": 1, "k": 2}, "a": [5, 3, [{"j": 4}, {"k": 6}]] }""";

    public static TheoryData<string, string, string> Queries => new()
    {
        { Bookstore, "$.store.book[*].author", """["Nigel Rees","Evelyn Waugh","Herman Melville","J. R. R. Tolkien"]""" },
        { Bookstore, "$..author", """["Nigel Rees","Evelyn Waugh","Herman Melville","J. R. R. Tolkien"]""" },
        { Bookstore, "$.store..price", "[8.95,12.99,8.99,22.99,399]" },
        { Bookstore, "$..book[2].author", """["Herman Melville"]""" },
        { Bookstore, "$..book[2].publisher", "[]" },
        { Bookstore, "$..book[-1].title", """["The Lord of the Rings"]""" },
        { Bookstore, "$..book[0,1].title", """["Sayings of the Century","Sword of Honour"]""" },
        { Bookstore, "$..book[:2].title", """["Sayings of the Century","Sword of Honour"]""" },
        { Bookstore, "$..book[?@.isbn].title", """["Moby Dick","The Lord of the Rings"]""" },
        { Bookstore, "$..book[?@.price<10].title", """["Sayings of the Century","Moby Dick"]""" },
        { Bookstore, "$.store[?value(@..color) == 'red'].price", "[399]" },
        { Names, "$.o['j j']", """[{"k.k":3}]""" },
        { Names, "$.o['j j']['k.k']", "[3]" },
        { Names, """$.o["j j"]["k.k"]""", "[3]" },
        { Names, """$["'"]["@"]""", "[2]" },
        { Letters, "$[1]", """["b"]""" },
        { Letters, "$[-2]", """["f"]""" },
        { Letters, "$[1:3]", """["b","c"]""" },
        { Letters, "$[5:]", """["f","g"]""" },
        { Letters, "$[1:5:2]", """["b","d"]""" },
        { Letters, "$[5:1:-2]", """["f","d"]""" },
        { Letters, "$[::-1]", """["g","f","e","d","c","b","a"]""" },
        { Letters, "$[0:0]", "[]" },
        { Filters, "$.a[?@.b == 'kilo']", """[{"b":"kilo"}]""" },
        { Filters, "$.a[?(@.b == 'kilo')]", """[{"b":"kilo"}]""" },
        { Filters, "$.a[?@>3.5]", "[5,4,6]" },
        { Filters, "$.a[?@.b]", """[{"b":"j"},{"b":"k"},{"b":{}},{"b":"kilo"}]""" },
        { Filters, "$[?@.*]", """[[3,5,1,2,4,6,{"b":"j"},{"b":"k"},{"b":{}},{"b":"kilo"}],{"p":1,"q":2,"r":3,"s":5,"t":{"u":6}}]""" },
        { Filters, "$[?@[?@.b]]", """[[3,5,1,2,4,6,{"b":"j"},{"b":"k"},{"b":{}},{"b":"kilo"}]]""" },
        { Filters, "$.o[?@<3, ?@<3]", "[1,2,1,2]" },
        { Filters, """$.a[?@<2 || @.b == "k"]""", """[1,{"b":"k"}]""" },
        { Filters, """$.a[?match(@.b, "[jk]")]""", """[{"b":"j"},{"b":"k"}]""" },
        { Filters, """$.a[?search(@.b, "[jk]")]""", """[{"b":"j"},{"b":"k"},{"b":"kilo"}]""" },
        { Filters, "$.o[?@>1 && @<4]", "[2,3]" },
        { Filters, "$.o[?@.u || @.x]", """[{"u":6}]""" },
        { Filters, "$.a[?@.b == $.x]", "[3,5,1,2,4,6]" },
        { Filters, "$.a[?@ == @]", """[3,5,1,2,4,6,{"b":"j"},{"b":"k"},{"b":{}},{"b":"kilo"}]""" },
        { Filters, "$.a[?!@.b]", "[3,5,1,2,4,6]" },
        { Filters, "$.a[?!(@ < 5)]", """[5,6,{"b":"j"},{"b":"k"},{"b":{}},{"b":"kilo"}]""" },
        { Filters, "$.a[?length(@.b) == 4]", """[{"b":"kilo"}]""" },
        { Filters, "$[?count(@.*) == 5]", """[{"p":1,"q":2,"r":3,"s":5,"t":{"u":6}}]""" },
        { Filters, "$.o[?@ >= 3]", "[3,5]" },
        { Filters, "$.o[?@ != 1 && @ <= 2]", "[2]" },
        { Filters, "$.a[?@ == 1.0]", "[1]" },
        { Nested, "$..j", "[1,4]" },
        { Nested, "$..[0]", """[5,{"j":4}]""" },
        { Nested, "$.o..[*, *]", "[1,2,1,2]" },
        { Nested, "$..o", """[{"j":1,"k":2}]""" },
        { Nested, "$..*", """[{"j":1,"k":2},[5,3,[{"j":4},{"k":6}]],1,2,5,3,[{"j":4},{"k":6}],{"j":4},{"k":6},4,6]""" },
        { Nested, "$ .o .j", "[1]" },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public void A_query_selects_what_RFC_9535_says_in_document_order(string document, string query, string expected)
    {
        var selected = JsonPathEvaluator.Select(JsonPathParser.Parse(query), JsonNode.Parse(document));

        Assert.Equal(expected, new JsonArray(selected.Select(match => match.Value?.DeepClone()).ToArray()).ToJsonString());
    }

    [Theory]
    [InlineData("store", 0)]
    [InlineData("$[010]", 2)]
    [InlineData("$.a[?@.b == 'x' &&]", 18)]
    [InlineData("$[?length(@.*) < 3]", 3)]
    [InlineData("$[?count(1) == 1]", 3)]
    [InlineData("$[?match(@.a, 'x') == true]", 3)]
    [InlineData("$[?value(@..color)]", 3)]
    [InlineData("$[?@.a == @.*]", 10)]
    [InlineData("$[?frobnicate(@)]", 3)]
    [InlineData("$['unclosed", 11)]
    [InlineData("$.a]", 3)]
    [InlineData("$[?1]", 3)]
    public void A_query_that_is_not_RFC_9535_is_refused_where_it_goes_wrong(string query, int position)
    {
        var error = Assert.Throws<JsonPathException>(() => JsonPathParser.Parse(query));

        Assert.Equal(position, error.Position);
    }

    [Fact]
    public void Matches_carry_their_parent_and_place_for_edits()
    {
        var document = JsonNode.Parse(Letters)!;

        var selected = JsonPathEvaluator.Select(JsonPathParser.Parse("$[-1]"), document).Single();

        Assert.Same(document, selected.Parent);
        Assert.Equal(6, selected.Index);
        Assert.Null(selected.Name);
    }
}
