using System.Text.Json.Nodes;
using CrmSdkGen.Read;

namespace CrmSdkGen.Tests.Read;

/// <summary>A pointer's segments lead through names and in-range indexes only.</summary>
public sealed class TreeWalkTests
{
    private static readonly JsonNode Tree = JsonNode.Parse("""{ "allOf": [ { "title": "first" }, { "title": "second" } ], "0": "named" }""")!;

    [Theory]
    [InlineData("allOf/1/title", "second")]
    [InlineData("allOf/0/title", "first")]
    [InlineData("0", "named")]
    public void Names_and_indexes_lead_to_the_node(string pointer, string value)
    {
        var found = TreeWalk.Find(Tree, pointer.Split('/'), out var parent);

        Assert.Equal(value, found!.GetValue<string>());
        Assert.NotNull(parent);
    }

    [Theory]
    [InlineData("allOf/2/title")]
    [InlineData("allOf/-1/title")]
    [InlineData("allOf/first/title")]
    [InlineData("missing/title")]
    [InlineData("0/deeper")]
    public void Anything_else_leads_nowhere(string pointer)
    {
        Assert.Null(TreeWalk.Find(Tree, pointer.Split('/'), out _));
    }
}
