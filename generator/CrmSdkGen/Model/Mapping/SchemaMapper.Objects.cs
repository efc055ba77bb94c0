using System;
using System.Collections.Generic;
using System.Linq;
using CrmSdkGen.Kernel;
using CrmSdkGen.Read;
using Microsoft.OpenApi;

namespace CrmSdkGen.Model.Mapping;

/// <summary>Objects: their properties, flattened through allOf, and schemas derived from a base.</summary>
internal sealed partial class SchemaMapper
{
    private ApiSchema BuildObject(IOpenApiSchema schema, string id, NameHint preferredName) =>
        BuildDerived(schema, id, preferredName) ?? BuildFlat(schema, id, preferredName, skipAllOf: -1);

    // allOf with exactly one referenced object schema: that schema becomes the base class, as long as the other parts
    // only add to it. Anything that changes an inherited property (redeclares it, makes it required, changes the type
    // of additional properties) flattens instead, because a derived class cannot change what it inherits.
    private ApiSchema? BuildDerived(IOpenApiSchema schema, string id, NameHint preferredName)
    {
        if (schema.AllOf is not { Count: > 0 } allOf)
        {
            return null;
        }

        var references = Enumerable.Range(0, allOf.Count).Where(i => allOf[i] is OpenApiSchemaReference).ToList();
        if (references.Count != 1 || allOf[references[0]] is not OpenApiSchemaReference { Target: { } target } reference
            || SchemaClassifier.Classify(target) != SchemaShape.Object)
        {
            return null;
        }

        var baseType = Map(reference, $"{id}/allOf/{references[0]}", string.Empty);
        if (baseType.SchemaId is not { } baseId || !_named.TryGetValue(baseId, out var baseSchema) || baseSchema is not { Kind: ApiSchemaKind.Object })
        {
            return null;
        }

        var own = BuildFlat(schema, id, preferredName, skipAllOf: references[0]);
        var inherited = SchemaHierarchy.AllProperties(baseSchema, Lookup).ToList();
        var inheritedNames = new HashSet<string>(inherited.Select(property => property.JsonName));
        var ownNames = new HashSet<string>(own.Properties.Select(property => property.JsonName));
        var requiredNow = new HashSet<string>(schema.Required ?? Enumerable.Empty<string>());
        foreach (var i in Enumerable.Range(0, allOf.Count).Where(i => i != references[0]))
        {
            requiredNow.UnionWith(SchemaFacts.Resolve(allOf[i]).Required ?? Enumerable.Empty<string>());
        }

        if (ownNames.Overlaps(inheritedNames)
            || inherited.Any(property => !property.Required && requiredNow.Contains(property.JsonName))
            || (own.AdditionalProperties is not null && own.AdditionalProperties != baseSchema.AdditionalProperties))
        {
            return null;
        }

        return own with
        {
            BaseId = baseId,
            AdditionalProperties = baseSchema.AdditionalProperties,
            RequiredNames = inherited.Where(property => property.Required).Select(property => property.JsonName)
                .Concat(own.Properties.Where(property => property.Required).Select(property => property.JsonName)).ToEquatableArray(),
        };
    }

    private ApiSchema? Lookup(string id) => _named.TryGetValue(id, out var schema) ? schema : null;

    private ApiSchema BuildFlat(IOpenApiSchema schema, string id, NameHint preferredName, int skipAllOf)
    {
        var collected = new List<(string Name, IOpenApiSchema Schema, string Pointer)>();
        var required = new HashSet<string>();
        IOpenApiSchema? additional = null;
        var additionalPointer = id;
        Collect(schema, id, collected, required, new HashSet<string>(), ref additional, ref additionalPointer, skipAllOf);

        var properties = new List<ApiProperty>();
        var seen = new Dictionary<string, int>();
        foreach (var (name, propertySchema, propertyPointer) in collected)
        {
            // A property name past any real API's is left to the model's unknown-property store, which keeps it as received.
            if (name.Length > SpecLimits.MaxNameLength)
            {
                _sink.Report(DiagnosticIds.LimitExceeded, Severity.Warning, $"A property name of {name.Length} characters is longer than {SpecLimits.MaxNameLength}; it gets no member, and its values are kept with the model's unknown properties.", propertyPointer);
                continue;
            }

            var resolved = SchemaFacts.Resolve(propertySchema);
            var property = new ApiProperty(
                name,
                Map(propertySchema, propertyPointer, preferredName + "_" + name),
                required.Contains(name),
                SpecLimits.Cut(SchemaFacts.Describe(propertySchema) ?? SchemaFacts.Describe(resolved), _sink, propertyPointer),
                propertySchema.Deprecated || resolved.Deprecated,
                propertySchema.ReadOnly || resolved.ReadOnly,
                propertySchema.WriteOnly || resolved.WriteOnly)
            {
                DefaultJson = (propertySchema.Default ?? resolved.Default)?.ToJsonString(),
                MemberName = SchemaFacts.MemberName(propertySchema),
            };
            if (seen.TryGetValue(name, out var index))
            {
                properties[index] = property;
            }
            else
            {
                seen[name] = properties.Count;
                properties.Add(property);
            }
        }

        var additionalType = additional is null ? null : Map(additional, additionalPointer + "/additionalProperties", preferredName + "_Value");
        return new ApiSchema(id, preferredName.Text, ApiSchemaKind.Object, SchemaFacts.Describe(schema), schema.Deprecated, properties.ToEquatableArray(), additionalType, EquatableArray<string>.Empty)
        {
            RequiredNames = properties.Where(property => property.Required).Select(property => property.JsonName).ToEquatableArray(),
            Constraints = ObjectConstraints(schema),
        };
    }

    private void Collect(
        IOpenApiSchema schema,
        string pointer,
        List<(string, IOpenApiSchema, string)> properties,
        HashSet<string> required,
        HashSet<string> visited,
        ref IOpenApiSchema? additional,
        ref string additionalPointer,
        int skipAllOf = -1)
    {
        if (schema.AllOf is { } allOf)
        {
            for (var i = 0; i < allOf.Count; i++)
            {
                if (i == skipAllOf)
                {
                    continue;
                }

                var part = allOf[i];
                var partPointer = part is OpenApiSchemaReference { Reference.Id: { } refId } ? ComponentPrefix + SpecPointer.Escape(refId) : $"{pointer}/allOf/{i}";
                if (part is OpenApiSchemaReference { Target: null })
                {
                    Map(part, $"{pointer}/allOf/{i}", string.Empty);
                    continue;
                }

                if (visited.Add(partPointer))
                {
                    Collect(SchemaFacts.Resolve(part), partPointer, properties, required, visited, ref additional, ref additionalPointer);
                }
            }
        }

        if (schema.Properties is { } own)
        {
            foreach (var pair in own)
            {
                properties.Add((pair.Key, pair.Value, pointer + "/properties/" + SpecPointer.Escape(pair.Key)));
            }
        }

        if (schema.Required is { } names)
        {
            required.UnionWith(names);
        }

        if (schema.AdditionalProperties is { } extra)
        {
            additional = extra;
            additionalPointer = pointer;
        }
    }
}
