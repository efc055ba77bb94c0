using System;

namespace CrmSdkGen.Read;

/// <summary>
/// Whether a <c>$ref</c> stands where OpenAPI expects a schema. Schemas from other files are hoisted into the bundle's
/// components, keeping their names and their cycles; anything else a reference points at is copied in its place.
/// </summary>
internal static class SchemaPositions
{
    private static readonly string[] SchemaKeys =
    {
        "schema", "items", "additionalProperties", "not", "additionalItems", "contains", "propertyNames", "if", "then", "else",
        "unevaluatedProperties", "unevaluatedItems", "contentSchema",
    };

    private static readonly string[] SchemaListKeys = { "allOf", "oneOf", "anyOf", "prefixItems" };

    private static readonly string[] SchemaMapKeys = { "properties", "patternProperties", "definitions", "$defs", "dependentSchemas", "schemas" };

    /// <param name="key">The key the reference object sits under (for a list item, the list's key).</param>
    /// <param name="inList">Whether it is an item of a list.</param>
    /// <param name="outerKey">The key of the object that holds it.</param>
    /// <param name="fragment">The pointer part of the reference.</param>
    public static bool IsSchema(string key, bool inList, string outerKey, string fragment)
    {
        if (fragment.IndexOf("/schemas/", StringComparison.Ordinal) >= 0 || fragment.StartsWith("/definitions/", StringComparison.Ordinal))
        {
            return true;
        }

        return inList
            ? Array.IndexOf(SchemaListKeys, key) >= 0
            : Array.IndexOf(SchemaKeys, key) >= 0 || Array.IndexOf(SchemaMapKeys, outerKey) >= 0;
    }
}
