using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Globalization;
using CrmSdkGen.Read;
using Microsoft.OpenApi;

namespace CrmSdkGen.Model;

/// <summary>Maps OpenAPI schemas to <see cref="ApiType"/>s, turning objects and enums into named schemas.</summary>
internal sealed class SchemaMapper
{
    private const string ComponentPrefix = "#/components/schemas/";
    private readonly OpenApiDocument _document;
    private readonly IDictionary<string, IOpenApiSchema> _components;
    private readonly DiagnosticSink _sink;
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<string, ApiSchema?> _named = new();
    private readonly List<string> _order = new();
    private readonly HashSet<string> _aliasesInProgress = new();
    private readonly Dictionary<ApiSchema, string> _inlineByShape = new();
    private readonly Dictionary<string, string> _canonical = new();

    public SchemaMapper(OpenApiDocument document, DiagnosticSink sink, CancellationToken cancellationToken)
    {
        _document = document;
        _components = document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>();
        _sink = sink;
        _cancellationToken = cancellationToken;
    }

    public IEnumerable<ApiSchema> NamedSchemas => _order.Select(id => _named[id]).Where(schema => schema is not null)!;

    public bool IsEnum(string id) => _named.TryGetValue(id, out var schema) && schema?.Kind is ApiSchemaKind.Enum or ApiSchemaKind.IntegerEnum;

    public void MapComponents()
    {
        foreach (var pair in _components)
        {
            var pointer = ComponentPrefix + SpecPointer.Escape(pair.Key);
            try
            {
                if (SchemaClassifier.IsNamed(SchemaClassifier.Classify(SchemaFacts.Resolve(pair.Value))))
                {
                    Map(pair.Value, pointer, pair.Key);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // One schema the reader cannot make sense of (a reference chain that only loops, a node of the wrong kind)
                // is left out; the others still generate.
                _sink.Report(DiagnosticIds.UnreadableNode, Severity.Warning, $"The schema '{pair.Key}' could not be read ({Unreadable.Reason(exception)}); it is left out, and members that refer to it are typed as JsonElement.", pointer);
            }
        }
    }

    public ApiType Map(IOpenApiSchema? schema, string pointer, string nameHint)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        if (schema is null)
        {
            return ApiType.Any;
        }

        if (schema is OpenApiSchemaReference reference)
        {
            return MapReference(reference, pointer);
        }

        return MapResolved(schema, pointer, nameHint);
    }

    private ApiType MapReference(OpenApiSchemaReference reference, string pointer)
    {
        var id = reference.Reference?.Id;
        IOpenApiSchema? target;
        try
        {
            target = reference.Target;
        }
        catch (InvalidOperationException)
        {
            _sink.Report(DiagnosticIds.ReferenceCycle, Severity.Warning, $"The reference '{reference.Reference?.ReferenceV3 ?? id}' leads only to references that lead back to it; the member is typed as JsonElement.", pointer + "/$ref");
            return ApiType.Any;
        }

        if (target is null || id is null)
        {
            _sink.Report(
                DiagnosticIds.UnresolvedReference,
                Severity.Warning,
                $"The reference '{reference.Reference?.ReferenceV3 ?? id}' does not resolve to a schema; the member is typed as JsonElement.",
                pointer + "/$ref");
            return ApiType.Any;
        }

        var document = DocumentKey(reference);
        var targetPointer = document + ComponentPrefix + SpecPointer.Escape(id);
        var shape = SchemaClassifier.Classify(target);
        if (SchemaClassifier.IsNamed(shape))
        {
            return new ApiType(ApiTypeKind.Named, SchemaId: EnsureNamed(target, targetPointer, id, shape), Nullable: SchemaFacts.AllowsNull(target));
        }

        if (!_aliasesInProgress.Add(targetPointer))
        {
            // A schema that only refers to itself describes no data; accept any value.
            return ApiType.Any;
        }

        try
        {
            return MapResolved(target, targetPointer, id);
        }
        finally
        {
            _aliasesInProgress.Remove(targetPointer);
        }
    }

    /// <summary>Empty for the spec itself; the file name for a schema that lives in another listed file.</summary>
    private string DocumentKey(OpenApiSchemaReference reference)
    {
        var external = reference.Reference?.ExternalResource;
        if (!string.IsNullOrEmpty(external))
        {
            return System.IO.Path.GetFileName(external!.Split('#')[0]);
        }

        var host = reference.Reference?.HostDocument;
        return host is null || ReferenceEquals(host, _document) ? string.Empty : System.IO.Path.GetFileName(host.BaseUri?.AbsolutePath ?? "external");
    }

    private ApiType MapResolved(IOpenApiSchema schema, string pointer, string nameHint)
    {
        var nullable = SchemaFacts.AllowsNull(schema);
        var shape = SchemaClassifier.Classify(schema);
        ApiType type;
        switch (shape)
        {
            case SchemaShape.Object:
            case SchemaShape.Enum:
            case SchemaShape.IntegerEnum:
                type = new ApiType(ApiTypeKind.Named, SchemaId: EnsureNamed(schema, pointer, nameHint, shape));
                break;
            case SchemaShape.Alias:
                type = MapAlias(schema, pointer, nameHint, ref nullable);
                break;
            case SchemaShape.Array:
                type = new ApiType(ApiTypeKind.Array, Element: Map(schema.Items, pointer + "/items", nameHint + "Item"));
                break;
            case SchemaShape.Map:
                var valueSchema = schema.AdditionalProperties;
                type = new ApiType(ApiTypeKind.Map, Element: valueSchema is null ? ApiType.Any : Map(valueSchema, pointer + "/additionalProperties", nameHint + "Value"));
                break;
            case SchemaShape.Primitive:
                type = MapPrimitive(schema);
                break;
            case SchemaShape.Union:
            case SchemaShape.MultiType:
                type = new ApiType(ApiTypeKind.Named, SchemaId: EnsureNamed(schema, pointer, nameHint, shape));
                break;
            default:
                type = ApiType.Any;
                break;
        }

        if (shape is SchemaShape.Array or SchemaShape.Map or SchemaShape.Primitive && ConstraintReader.Read(schema) is { } constraints)
        {
            type = type with { Constraints = CheckPattern(constraints, pointer) };
        }

        return nullable ? type.AsNullable() : type;
    }

    // JSON Schema patterns are ECMA-262; the few that .NET cannot run are reported and left unchecked rather than
    // failing at run time.
    private ApiConstraints? CheckPattern(ApiConstraints constraints, string pointer)
    {
        if (constraints.Pattern is not { } pattern)
        {
            return constraints;
        }

        try
        {
            _ = new System.Text.RegularExpressions.Regex(pattern, System.Text.RegularExpressions.RegexOptions.CultureInvariant);
            return constraints;
        }
        catch (System.ArgumentException exception)
        {
            _sink.Report(DiagnosticIds.InvalidPattern, Severity.Warning, $"The pattern '{pattern}' is not a regular expression .NET can run ({exception.Message}); it is not checked.", pointer + "/pattern");
            var without = constraints with { Pattern = null };
            return without == new ApiConstraints() ? null : without;
        }
    }

    private static ApiConstraints? ObjectConstraints(IOpenApiSchema schema) =>
        ConstraintReader.Read(schema) is { } all && (all.MinProperties is not null || all.MaxProperties is not null)
            ? new ApiConstraints { MinProperties = all.MinProperties, MaxProperties = all.MaxProperties }
            : null;

    private ApiType MapAlias(IOpenApiSchema schema, string pointer, string nameHint, ref bool nullable)
    {
        if (schema.AllOf is { Count: 1 } allOf)
        {
            return Map(allOf[0], pointer + "/allOf/0", nameHint);
        }

        var keyword = schema.OneOf is { Count: > 0 } ? "oneOf" : "anyOf";
        var alternatives = keyword == "oneOf" ? schema.OneOf! : schema.AnyOf!;
        for (var i = 0; i < alternatives.Count; i++)
        {
            if (SchemaFacts.IsOnlyNull(SchemaFacts.Resolve(alternatives[i])))
            {
                nullable = true;
            }
        }

        for (var i = 0; i < alternatives.Count; i++)
        {
            if (!SchemaFacts.IsOnlyNull(SchemaFacts.Resolve(alternatives[i])))
            {
                return Map(alternatives[i], $"{pointer}/{keyword}/{i}", nameHint);
            }
        }

        return ApiType.Any;
    }

    private static ApiType MapPrimitive(IOpenApiSchema schema)
    {
        var format = string.IsNullOrEmpty(schema.Format) ? null : schema.Format!.ToLowerInvariant();
        return SchemaFacts.NonNullType(schema) switch
        {
            JsonSchemaType.Integer => new ApiType(ApiTypeKind.Integer, format),
            JsonSchemaType.Number => new ApiType(ApiTypeKind.Number, format),
            JsonSchemaType.Boolean => new ApiType(ApiTypeKind.Boolean),
            _ => format == "binary" ? new ApiType(ApiTypeKind.Binary, format) : new ApiType(ApiTypeKind.String, format),
        };
    }

    private string EnsureNamed(IOpenApiSchema schema, string id, string preferredName, SchemaShape shape)
    {
        if (_canonical.TryGetValue(id, out var canonical))
        {
            return canonical;
        }

        if (_named.ContainsKey(id))
        {
            return id;
        }

        // Registered before its members are mapped, so that recursive schemas end at this entry.
        _named[id] = null;
        _order.Add(id);
        var built = shape switch
        {
            SchemaShape.Enum => new ApiSchema(id, preferredName, ApiSchemaKind.Enum, SchemaFacts.Describe(schema), schema.Deprecated, EquatableArray<ApiProperty>.Empty, null, SchemaFacts.StringEnumValues(schema)!.Distinct().ToEquatableArray()),
            SchemaShape.IntegerEnum => new ApiSchema(id, preferredName, ApiSchemaKind.IntegerEnum, SchemaFacts.Describe(schema), schema.Deprecated, EquatableArray<ApiProperty>.Empty, null, SchemaFacts.IntegerEnumValues(schema)!.Distinct().Select(value => value.ToString(CultureInfo.InvariantCulture)).ToEquatableArray())
            {
                EnumNames = (SchemaFacts.EnumNameExtension(schema) ?? new List<string>()).ToEquatableArray(),
            },
            SchemaShape.Union => BuildUnion(schema, id, preferredName),
            SchemaShape.MultiType => BuildMultiType(schema, id, preferredName),
            _ => BuildObject(schema, id, preferredName),
        };
        _named[id] = built;
        if (IsComponent(id))
        {
            return id;
        }

        // Inline schemas repeat a lot in large specs (Stripe's form bodies); one type serves every identical copy.
        var shapeKey = built with { Id = string.Empty, PreferredName = string.Empty, Description = null };
        if (_inlineByShape.TryGetValue(shapeKey, out var existing))
        {
            _named.Remove(id);
            _order.RemoveAt(_order.LastIndexOf(id));
            _canonical[id] = existing;
            return existing;
        }

        _inlineByShape[shapeKey] = id;
        return id;
    }

    // A component keeps its own type; schemas inline below one ("#/components/schemas/a/properties/b") are shared.
    private static bool IsComponent(string id)
    {
        var start = id.IndexOf(ComponentPrefix, System.StringComparison.Ordinal);
        return start >= 0 && id.IndexOf('/', start + ComponentPrefix.Length) < 0;
    }

    private ApiSchema BuildObject(IOpenApiSchema schema, string id, string preferredName) =>
        BuildDerived(schema, id, preferredName) ?? BuildFlat(schema, id, preferredName, skipAllOf: -1);

    // allOf with exactly one referenced object schema: that schema becomes the base class, as long as the other parts
    // only add to it. Anything that changes an inherited property (redeclares it, makes it required, changes the type
    // of additional properties) flattens instead, because a derived class cannot change what it inherits.
    private ApiSchema? BuildDerived(IOpenApiSchema schema, string id, string preferredName)
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

    private ApiSchema BuildFlat(IOpenApiSchema schema, string id, string preferredName, int skipAllOf)
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
        return new ApiSchema(id, preferredName, ApiSchemaKind.Object, SchemaFacts.Describe(schema), schema.Deprecated, properties.ToEquatableArray(), additionalType, EquatableArray<string>.Empty)
        {
            RequiredNames = properties.Where(property => property.Required).Select(property => property.JsonName).ToEquatableArray(),
            Constraints = ObjectConstraints(schema),
        };
    }

    private ApiSchema BuildUnion(IOpenApiSchema schema, string id, string preferredName)
    {
        var keyword = schema.OneOf is { Count: > 0 } ? "oneOf" : "anyOf";
        var alternatives = keyword == "oneOf" ? schema.OneOf! : schema.AnyOf!;
        var mapping = schema.Discriminator?.Mapping ?? new Dictionary<string, OpenApiSchemaReference>();
        var variants = new List<ApiUnionVariant>();
        for (var i = 0; i < alternatives.Count; i++)
        {
            var alternative = alternatives[i];
            if (SchemaFacts.IsOnlyNull(SchemaFacts.Resolve(alternative)))
            {
                continue;
            }

            var type = Map(alternative, $"{id}/{keyword}/{i}", preferredName + "_Option" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            var values = new List<string>();
            if (schema.Discriminator?.PropertyName is not null && alternative is OpenApiSchemaReference { Reference.Id: { } referenced })
            {
                values.AddRange(mapping.Where(pair => pair.Value?.Reference?.Id == referenced).Select(pair => pair.Key));
                if (values.Count == 0)
                {
                    // Without an explicit mapping the schema's own name is the discriminator value.
                    values.Add(referenced);
                }
            }

            variants.Add(new ApiUnionVariant(type, values.ToEquatableArray()));
        }

        return new ApiSchema(id, preferredName, ApiSchemaKind.Union, SchemaFacts.Describe(schema), schema.Deprecated, EquatableArray<ApiProperty>.Empty, null, EquatableArray<string>.Empty)
        {
            Variants = variants.ToEquatableArray(),
            Discriminator = schema.Discriminator?.PropertyName,
        };
    }

    private ApiSchema BuildMultiType(IOpenApiSchema schema, string id, string preferredName)
    {
        var variants = new List<ApiUnionVariant>();
        var format = string.IsNullOrEmpty(schema.Format) ? null : schema.Format!.ToLowerInvariant();
        foreach (var single in new[] { JsonSchemaType.Boolean, JsonSchemaType.Integer, JsonSchemaType.Number, JsonSchemaType.String, JsonSchemaType.Array, JsonSchemaType.Object })
        {
            if ((SchemaFacts.NonNullType(schema) & single) == 0)
            {
                continue;
            }

            ApiType type = single switch
            {
                JsonSchemaType.Boolean => new ApiType(ApiTypeKind.Boolean),
                JsonSchemaType.Integer => new ApiType(ApiTypeKind.Integer, format),
                JsonSchemaType.Number => new ApiType(ApiTypeKind.Number, format),
                JsonSchemaType.String => new ApiType(ApiTypeKind.String, format),
                JsonSchemaType.Array => new ApiType(ApiTypeKind.Array, Element: Map(schema.Items, id + "/items", preferredName + "Item")),
                _ => new ApiType(ApiTypeKind.Map, Element: schema.AdditionalProperties is null ? ApiType.Any : Map(schema.AdditionalProperties, id + "/additionalProperties", preferredName + "Value")),
            };
            variants.Add(new ApiUnionVariant(type, EquatableArray<string>.Empty));
        }

        return new ApiSchema(id, preferredName, ApiSchemaKind.Union, SchemaFacts.Describe(schema), schema.Deprecated, EquatableArray<ApiProperty>.Empty, null, EquatableArray<string>.Empty)
        {
            Variants = variants.ToEquatableArray(),
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
