using CrmSdkGen.Read;

namespace CrmSdkGen.Tests.Read;

/// <summary>Which references stand where OpenAPI expects a schema: those become models, the others are copied.</summary>
public sealed class SchemaPositionsTests
{
    [Theory]
    [InlineData("schema")]
    [InlineData("items")]
    [InlineData("additionalProperties")]
    [InlineData("not")]
    [InlineData("additionalItems")]
    [InlineData("contains")]
    [InlineData("propertyNames")]
    [InlineData("if")]
    [InlineData("then")]
    [InlineData("else")]
    [InlineData("unevaluatedProperties")]
    [InlineData("unevaluatedItems")]
    [InlineData("contentSchema")]
    public void A_schema_keyword_holds_a_schema(string key)
    {
        Assert.True(SchemaPositions.IsSchema(key, false, "Contact", string.Empty));
        Assert.False(SchemaPositions.IsSchema(key, true, "Contact", string.Empty));
    }

    [Theory]
    [InlineData("allOf")]
    [InlineData("oneOf")]
    [InlineData("anyOf")]
    [InlineData("prefixItems")]
    public void An_item_of_a_schema_list_is_a_schema(string key)
    {
        Assert.True(SchemaPositions.IsSchema(key, true, "Contact", string.Empty));
        Assert.False(SchemaPositions.IsSchema(key, false, "Contact", string.Empty));
    }

    [Theory]
    [InlineData("properties")]
    [InlineData("patternProperties")]
    [InlineData("definitions")]
    [InlineData("$defs")]
    [InlineData("dependentSchemas")]
    [InlineData("schemas")]
    public void A_member_of_a_schema_map_is_a_schema(string outerKey)
    {
        Assert.True(SchemaPositions.IsSchema("email", false, outerKey, string.Empty));
    }

    [Theory]
    [InlineData("example", false, "Contact", "")]
    [InlineData("parameters", true, "get", "")]
    [InlineData("enum", true, "Contact", "")]
    [InlineData("email", false, "example", "")]
    [InlineData("requestBody", false, "post", "/components/requestBodies/Contact")]
    [InlineData("0", true, "parameters", "/parameters/limit")]
    public void Other_places_are_not(string key, bool inList, string outerKey, string fragment)
    {
        Assert.False(SchemaPositions.IsSchema(key, inList, outerKey, fragment));
    }

    [Theory]
    [InlineData("/components/schemas/Contact")]
    [InlineData("/definitions/Contact")]
    public void A_reference_into_the_schemas_is_a_schema_wherever_it_stands(string fragment)
    {
        Assert.True(SchemaPositions.IsSchema("x-owner", false, "x-vendor", fragment));
    }
}
