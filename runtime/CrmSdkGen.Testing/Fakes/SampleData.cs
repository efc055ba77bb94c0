using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace CrmSdkGen.Testing.Fakes;

/// <summary>
/// Makes up JSON a schema accepts: its example or default when it has one, else the first enum value, else a value of
/// its type and format within its bounds (false for a boolean: a made-up record is not archived, deleted or locked);
/// objects get every property (write-only ones left out of answers).
/// </summary>
internal static class SampleData
{
    private const int MaxDepth = 6;

    public static JsonNode? For(IOpenApiSchema schema) => Make(schema, 0, new HashSet<IOpenApiSchema>(), requiredOnly: false);

    /// <summary>Like <see cref="For"/>, with only the required properties of each object: the least a record must hold.</summary>
    public static JsonNode? Least(IOpenApiSchema schema) => Make(schema, 0, new HashSet<IOpenApiSchema>(), requiredOnly: true);

    private static JsonNode? Make(IOpenApiSchema schema, int depth, HashSet<IOpenApiSchema> open, bool requiredOnly)
    {
        // The least record is its required members, not the spec's example of a whole one.
        var composite = requiredOnly && (schema.Properties is { Count: > 0 } || schema.AllOf is { Count: > 0 } || Type(schema) is JsonSchemaType.Object or JsonSchemaType.Array);
        if (!composite && schema.Examples?.FirstOrDefault(value => value is not null) is { } first)
        {
            return first.DeepClone();
        }

        if (!composite && schema.Default is { } fallback)
        {
            return fallback.DeepClone();
        }

        if (schema.Enum?.FirstOrDefault(value => value is not null) is { } member)
        {
            return member.DeepClone();
        }

        var target = schema is OpenApiSchemaReference { Target: { } resolved } ? resolved : schema;
        if (depth > MaxDepth || !open.Add(target))
        {
            // A schema that contains itself ends where it would repeat: null where allowed, else an empty value.
            return Type(schema) is { } kind && kind.HasFlag(JsonSchemaType.Array) ? new JsonArray() : Type(schema) is JsonSchemaType.Object or null ? new JsonObject() : null;
        }

        try
        {
            if (schema.AllOf is { Count: > 0 } parts)
            {
                var merged = new JsonObject();
                foreach (var part in parts)
                {
                    if (Make(part, depth + 1, open, requiredOnly) is JsonObject piece)
                    {
                        foreach (var (name, value) in piece.ToList())
                        {
                            piece.Remove(name);
                            merged[name] = value;
                        }
                    }
                }

                AddProperties(merged, schema, depth, open, requiredOnly);
                return merged;
            }

            if ((schema.OneOf is { Count: > 0 } ? schema.OneOf : schema.AnyOf)?.FirstOrDefault() is { } alternative)
            {
                return Make(alternative, depth + 1, open, requiredOnly);
            }

            var type = Type(schema);
            if (type is null && schema.Properties is { Count: > 0 })
            {
                type = JsonSchemaType.Object;
            }

            switch (type)
            {
                case JsonSchemaType.Object:
                    var made = new JsonObject();
                    AddProperties(made, schema, depth, open, requiredOnly);
                    return made;
                case JsonSchemaType.Array:
                    var items = new JsonArray();
                    var count = Math.Max(1, schema.MinItems ?? 1);
                    for (var index = 0; index < count && schema.Items is not null; index++)
                    {
                        items.Add(Make(schema.Items, depth + 1, open, requiredOnly));
                    }

                    return items;
                case JsonSchemaType.String:
                    return JsonValue.Create(Text(schema));
                case JsonSchemaType.Integer:
                    return JsonValue.Create((long)Math.Ceiling(Lowest(schema)));
                case JsonSchemaType.Number:
                    return JsonValue.Create(Lowest(schema));
                case JsonSchemaType.Boolean:
                    return JsonValue.Create(false);
                default:
                    return null;
            }
        }
        finally
        {
            open.Remove(target);
        }
    }

    private static void AddProperties(JsonObject made, IOpenApiSchema schema, int depth, HashSet<IOpenApiSchema> open, bool requiredOnly)
    {
        foreach (var (name, property) in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
        {
            if (!property.WriteOnly && !made.ContainsKey(name) && (!requiredOnly || schema.Required?.Contains(name) == true))
            {
                made[name] = Make(property, depth + 1, open, requiredOnly);
            }
        }
    }

    // The one type a value is made as: the first that is not null.
    private static JsonSchemaType? Type(IOpenApiSchema schema)
    {
        if (schema.Type is not { } type)
        {
            return null;
        }

        foreach (var kind in new[] { JsonSchemaType.Object, JsonSchemaType.Array, JsonSchemaType.String, JsonSchemaType.Integer, JsonSchemaType.Number, JsonSchemaType.Boolean })
        {
            if (type.HasFlag(kind))
            {
                return kind;
            }
        }

        return null;
    }

    private static decimal Lowest(IOpenApiSchema schema)
    {
        static decimal? Read(string? text) => decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
        if (Read(schema.Minimum) is { } minimum)
        {
            return minimum;
        }

        if (Read(schema.ExclusiveMinimum) is { } above)
        {
            return above + 1;
        }

        return Read(schema.Maximum) is { } maximum && maximum < 1 ? maximum : 1;
    }

    private static string Text(IOpenApiSchema schema)
    {
        var text = schema.Format switch
        {
            "date-time" => "2026-01-01T00:00:00Z",
            "date" => "2026-01-01",
            "uuid" => "3fa85f64-5717-4562-b3fc-2c963f66afa6",
            "email" => "user@example.com",
            "uri" or "url" => "https://example.com/",
            "byte" => "c3RyaW5n",
            "time" => "12:00:00",
            _ => "string",
        };
        var minimum = schema.MinLength ?? 0;
        if (text.Length < minimum)
        {
            text = text.PadRight(minimum, 'x');
        }

        return schema.MaxLength is { } maximum && text.Length > maximum ? text.Substring(0, maximum) : text;
    }
}
