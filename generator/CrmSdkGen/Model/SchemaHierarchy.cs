using System;
using System.Collections.Generic;
using System.Linq;

namespace CrmSdkGen.Model;

/// <summary>Walks the base schemas of an object schema that extends another.</summary>
internal static class SchemaHierarchy
{
    /// <summary>The schema and its bases, the root base first.</summary>
    public static List<ApiSchema> Chain(ApiSchema schema, Func<string, ApiSchema?> lookup)
    {
        var chain = new List<ApiSchema>();
        var seen = new HashSet<string>();
        for (ApiSchema? current = schema; current is not null && seen.Add(current.Id); current = current.BaseId is null ? null : lookup(current.BaseId))
        {
            chain.Add(current);
        }

        chain.Reverse();
        return chain;
    }

    /// <summary>Every property of the schema, inherited ones first, in the order their indices are assigned.</summary>
    public static IEnumerable<ApiProperty> AllProperties(ApiSchema schema, Func<string, ApiSchema?> lookup) =>
        Chain(schema, lookup).SelectMany(member => member.Properties);
}
