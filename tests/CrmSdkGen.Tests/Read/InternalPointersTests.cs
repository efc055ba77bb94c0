using System.Text.Json.Nodes;
using CrmSdkGen.Read;

namespace CrmSdkGen.Tests.Read;

/// <summary>Which of a document's own references the reader resolves, and which the bundler must.</summary>
public sealed class InternalPointersTests
{
    [Theory]
    [InlineData("", false)]
    [InlineData("/", false)]
    [InlineData("/components/schemas/Contact", false)]
    [InlineData("/components/responses/NotFound", false)]
    [InlineData("/definitions/Contact", false)]
    [InlineData("/parameters/limit", false)]
    [InlineData("/responses/NotFound", false)]
    [InlineData("/securityDefinitions/api_key", false)]
    [InlineData("/components/schemas", true)]
    [InlineData("/components/schemas/Tag/allOf/0", true)]
    [InlineData("/definitions/Contact/properties/email", true)]
    [InlineData("/responses/NotFound/schema", true)]
    [InlineData("/parameters/limit/x-range", true)]
    [InlineData("/paths/~1tags/get/parameters/0", true)]
    [InlineData("/x-shared/Address", true)]
    [InlineData("/x-shared", true)]
    public void Only_a_named_component_is_not_deep(string fragment, bool deep)
    {
        Assert.Equal(deep, InternalPointers.IsDeep(fragment));
    }

    [Fact]
    public void The_deep_targets_are_the_documents_own_each_once()
    {
        var text = new JsonObject
        {
            ["a"] = new JsonObject { ["$ref"] = "#/components/schemas/Tag/allOf/0" },
            ["b"] = new JsonObject { ["$ref"] = "#/components/schemas/Tag/allOf/0" },
            ["c"] = new JsonObject { ["$ref"] = "#/components/schemas/Tag" },
            ["d"] = new JsonObject { ["$ref"] = "other.yaml#/components/schemas/Tag/allOf/0" },
            ["e"] = new JsonObject { ["$ref"] = string.Empty },
            ["f"] = new JsonObject { ["$ref"] = "#" },
            ["g"] = new JsonObject { ["$ref"] = "#/x-shared/" + new string('a', SpecLimits.MaxNameLength) },
            ["h"] = new JsonObject { ["$ref"] = "#/x-shared/Address" },
        }.ToJsonString();

        Assert.Equal(new[] { "/components/schemas/Tag/allOf/0", "/x-shared/Address" }, InternalPointers.DeepTargets(text));
    }
}
