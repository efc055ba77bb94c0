using System.Collections.Generic;
using Microsoft.OpenApi;

namespace CrmSdkGen.Model.Mapping;

/// <summary>
/// A string for which the spec lists known values as a second alternative, as OpenAI lists its model ids
/// (<c>anyOf: [{ type: string }, { type: string, enum: [gpt-5.4, ...] }]</c>) and Stripe the empty string that clears a
/// field (<c>anyOf: [{ type: string }, { type: string, enum: [""] }]</c>). Every string fits the first alternative, so
/// the union is one type: the enum when it names two values or more (generated enums keep values they do not list),
/// else the string.
/// </summary>
internal static class OpenEnum
{
    /// <summary>The index, among the alternatives of <paramref name="schema"/>, of the one it maps as; null when it is no open enum.</summary>
    public static int? Chosen(IOpenApiSchema schema) => Read(schema, nested: false)?.Index;

    private static (int Index, int KnownCount)? Read(IOpenApiSchema schema, bool nested)
    {
        if (schema.AllOf is { Count: > 0 } || SchemaFacts.HasProperties(schema) || schema.Enum is { Count: > 0 }
            || (schema.OneOf is { Count: > 0 } && schema.AnyOf is { Count: > 0 })
            || SchemaFacts.NonNullType(schema) is not (null or JsonSchemaType.String))
        {
            return null;
        }

        IList<IOpenApiSchema> alternatives = schema.OneOf is { Count: > 0 } oneOf ? oneOf : schema.AnyOf ?? new List<IOpenApiSchema>();
        int? text = null, known = null;
        var knownCount = 0;
        for (var i = 0; i < alternatives.Count; i++)
        {
            var alternative = SchemaFacts.Resolve(alternatives[i]);
            if (SchemaFacts.IsOnlyNull(alternative))
            {
                continue;
            }

            if (text is null && IsFreeText(alternative))
            {
                text = i;
            }
            else if (known is null && KnownValues(alternative, nested) is { } count)
            {
                known = i;
                knownCount = count;
            }
            else
            {
                return null;
            }
        }

        if (text is null || known is null)
        {
            return null;
        }

        return knownCount >= 2 && ConstraintReader.Read(SchemaFacts.Resolve(alternatives[text.Value])) is null
            ? (known.Value, knownCount)
            : (text.Value, 0);
    }

    private static bool IsFreeText(IOpenApiSchema schema) =>
        SchemaFacts.NonNullType(schema) == JsonSchemaType.String && schema.Enum is not { Count: > 0 } && schema.Const is null
        && string.IsNullOrEmpty(schema.Format) && !SchemaFacts.HasProperties(schema)
        && schema.AllOf is not { Count: > 0 } && schema.OneOf is not { Count: > 0 } && schema.AnyOf is not { Count: > 0 };

    // How many values a string enum alternative lists. An open enum in that place lends its enum's values (OpenAI refers
    // to its model ids so), one level deep, so that a schema referring to itself cannot recurse.
    private static int? KnownValues(IOpenApiSchema schema, bool nested)
    {
        if (SchemaFacts.NonNullType(schema) is not (null or JsonSchemaType.String) || SchemaFacts.HasProperties(schema) || schema.AllOf is { Count: > 0 })
        {
            return null;
        }

        if (SchemaFacts.StringEnumValues(schema) is { Count: > 0 } values)
        {
            return values.Count;
        }

        return !nested && Read(schema, nested: true) is { KnownCount: >= 2 } inner ? inner.KnownCount : null;
    }
}
