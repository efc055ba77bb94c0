using CrmSdkGen.Kernel;
using CrmSdkGen.Read;

namespace CrmSdkGen.Tests.Read;

/// <summary>
/// Locating findings in a JSON spec indexes only the nodes on the way to them, and finds what a full index finds: the
/// key of the node, or of its nearest existing ancestor, through array items, escaped names and Swagger 2.0 definitions.
/// </summary>
public sealed class SpecLocatorTests
{
    private const string Json = """
        {
          "swagger": "2.0",
          "paths": {
            "/contacts/{id}": { "get": { "parameters": [ { "name": "id" }, { "name": "properties", "items": { "type": "string" } } ] } },
            "/deals": { "get": { "responses": { "200": { "description": "ok" } } } }
          },
          "definitions": { "Contact": { "properties": { "email": { "type": "string" }, "a/b~c": { "type": "integer" } } } },
          "x-big": [ [1, 2, 3], { "deep": { "deeper": [ { "leaf": true } ] } } ]
        }
        """;

    private static readonly string[] AllPointers =
    {
        "#/paths/~1contacts~1{id}/get/parameters/1/items",
        "#/paths/~1contacts~1{id}/get/parameters/1/missing/further",
        "#/paths/~1deals/get/responses/200/description",
        "#/components/schemas/Contact/properties/email",
        "#/components/schemas/Contact/properties/a~1b~0c",
        "#/definitions/Contact/properties/nothing",
        "#/x-big/1/deep/deeper/0/leaf",
        "#/x-big/0/2",
        "#/nowhere/at/all",
        "#",
    };

    public static TheoryData<string> Pointers => new(AllPointers);

    [Theory]
    [MemberData(nameof(Pointers))]
    public void A_pointer_is_located_where_a_full_index_puts_it(string pointer)
    {
        var located = new SpecLocator(Json, SpecFormat.Json).Locate(pointer);

        Assert.Equal(FullIndexLocate(pointer), located);
    }

    [Fact]
    public void Pointers_located_together_are_located_as_each_alone_and_only_their_ways_are_indexed()
    {
        var pointers = AllPointers.ToList();
        var together = new SpecLocator(Json, SpecFormat.Json).LocateAll(pointers);

        Assert.Equal(pointers.Select(FullIndexLocate), together);
        var partial = new Dictionary<string, (int Start, int Length)>(StringComparer.Ordinal);
        JsonPointerIndexer.Fill(Json, partial, new HashSet<string>(StringComparer.Ordinal) { "#", "#/x-big", "#/x-big/1" });
        Assert.Equal(new[] { "#", "#/x-big", "#/x-big/1" }, partial.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_key_is_located_by_its_own_span_even_after_comments()
    {
        const string commented = "{\n  // the contact\n  \"openapi\": \"3.0.3\",\n  \"components\": { \"schemas\": { \"Contact\": { \"properties\": { \"email\": {} } } } }\n}";
        var locator = new SpecLocator(commented, SpecFormat.Json);

        var email = locator.Locate("#/components/schemas/Contact/properties/email");
        var missing = locator.Locate("#/components/schemas/Contact/properties/phone");

        Assert.Equal("\"email\":", commented.Substring(email.Start, email.Length));
        Assert.Equal((3, 60), (email.StartLine, email.StartColumn));
        Assert.Equal("\"properties\":", commented.Substring(missing.Start, missing.Length));
    }

    [Fact]
    public void Text_that_cannot_be_indexed_locates_at_its_start()
    {
        Assert.Equal((0, 0, 0), Where(new SpecLocator("{ \"openapi\": [", SpecFormat.Json).Locate("#/paths")));
        Assert.Equal((0, 0, 0), Where(new SpecLocator("openapi: [", SpecFormat.Yaml).Locate("#/paths")));
    }

    private static (int Start, int Line, int Column) Where(SourceSpan span) => (span.Start, span.StartLine, span.StartColumn);

    // The reference: every node indexed, then the nearest existing ancestor, as the locator always did.
    private static SourceSpan FullIndexLocate(string pointer)
    {
        var index = new Dictionary<string, (int Start, int Length)>(StringComparer.Ordinal);
        JsonPointerIndexer.Fill(Json, index);
        if (!index.ContainsKey(pointer) && pointer.StartsWith("#/components/schemas/", StringComparison.Ordinal) && index.ContainsKey("#/definitions"))
        {
            pointer = "#/definitions/" + pointer.Substring("#/components/schemas/".Length);
        }

        var segments = SpecPointer.Split(pointer);
        while (!index.ContainsKey(SpecPointer.Join(segments)))
        {
            segments.RemoveAt(segments.Count - 1);
        }

        var (start, length) = index[SpecPointer.Join(segments)];
        return new TextLines(Json).Span(start, length);
    }
}
