using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using CrmSdkGen.Kernel;
using CrmSdkGen.Read;
using Microsoft.OpenApi;

namespace CrmSdkGen.Model.Mapping;

/// <summary>Maps OpenAPI schemas to <see cref="ApiType"/>s, turning objects and enums into named schemas.</summary>
internal sealed partial class SchemaMapper
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
    private readonly Dictionary<ApiSchema, string> _titledByShape = new();
    private readonly Dictionary<IOpenApiSchema, NameHint> _suggested = new(ReferenceComparer.Instance);
    private readonly Dictionary<string, string> _canonical = new();

    public SchemaMapper(OpenApiDocument document, DiagnosticSink sink, CancellationToken cancellationToken)
    {
        _document = document;
        _components = document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>();
        _sink = sink;
        _cancellationToken = cancellationToken;
    }

    public IEnumerable<ApiSchema> NamedSchemas => _order.Select(id => _named[id]).Where(schema => schema is not null)!;

    /// <summary>Proposes a name for a schema before it is mapped; the best-ranked proposal for it is kept.</summary>
    public void Suggest(IOpenApiSchema schema, NameHint hint)
    {
        if (!_suggested.TryGetValue(schema, out var existing) || hint.Rank < existing.Rank)
        {
            _suggested[schema] = hint;
        }
    }

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

    public ApiType Map(IOpenApiSchema? schema, string pointer, NameHint nameHint)
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
            return new ApiType(ApiTypeKind.Named, SchemaId: EnsureNamed(target, targetPointer, id, shape), Nullable: AllowsNull(target, shape));
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

    // An enum of constants says null with an alternative rather than with its type.
    private static bool AllowsNull(IOpenApiSchema schema, SchemaShape shape) =>
        SchemaFacts.AllowsNull(schema) || (shape is SchemaShape.Enum or SchemaShape.IntegerEnum && ConstEnum.Read(schema) is { Nullable: true });

    private ApiType MapResolved(IOpenApiSchema schema, string pointer, NameHint nameHint)
    {
        var shape = SchemaClassifier.Classify(schema);
        var nullable = AllowsNull(schema, shape);
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
                type = new ApiType(ApiTypeKind.Array, Element: Map(schema.Items, pointer + "/items", nameHint + "Item")) { Separator = SchemaFacts.ListSeparator(schema) };
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
        if (constraints.Pattern is not { } written)
        {
            return constraints;
        }

        var pattern = EcmaPattern.ToDotNet(written);
        try
        {
            _ = new System.Text.RegularExpressions.Regex(pattern, System.Text.RegularExpressions.RegexOptions.CultureInvariant);
            return constraints with { Pattern = pattern };
        }
        catch (System.ArgumentException exception)
        {
            _sink.Report(DiagnosticIds.InvalidPattern, Severity.Warning, $"The pattern '{written}' is not a regular expression .NET can run ({exception.Message}); it is not checked.", pointer + "/pattern");
            var without = constraints with { Pattern = null };
            return without == new ApiConstraints() ? null : without;
        }
    }

    private static ApiConstraints? ObjectConstraints(IOpenApiSchema schema) =>
        ConstraintReader.Read(schema) is { } all && (all.MinProperties is not null || all.MaxProperties is not null)
            ? new ApiConstraints { MinProperties = all.MinProperties, MaxProperties = all.MaxProperties }
            : null;

    private ApiType MapAlias(IOpenApiSchema schema, string pointer, NameHint nameHint, ref bool nullable)
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

        var chosen = OpenEnum.Chosen(schema);
        for (var i = 0; i < alternatives.Count; i++)
        {
            if (chosen is null ? !SchemaFacts.IsOnlyNull(SchemaFacts.Resolve(alternatives[i])) : i == chosen)
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
            JsonSchemaType.Integer => new ApiType(ApiTypeKind.Integer, format) { TextEncoded = SchemaFacts.IsTextEncoded(schema) },
            JsonSchemaType.Number => new ApiType(ApiTypeKind.Number, format) { TextEncoded = SchemaFacts.IsTextEncoded(schema) },
            JsonSchemaType.Boolean => new ApiType(ApiTypeKind.Boolean) { TextEncoded = SchemaFacts.IsTextEncoded(schema) },
            _ => format == "binary" ? new ApiType(ApiTypeKind.Binary, format) : new ApiType(ApiTypeKind.String, format),
        };
    }

    private string EnsureNamed(IOpenApiSchema schema, string id, NameHint preferredName, SchemaShape shape)
    {
        if (_canonical.TryGetValue(id, out var canonical))
        {
            return canonical;
        }

        if (_named.ContainsKey(id))
        {
            return id;
        }

        var firstUse = preferredName.Text;
        preferredName = SchemaNames.Choose(schema, preferredName, IsComponent(id), _suggested.TryGetValue(schema, out var suggested) ? suggested : (NameHint?)null);

        // Registered before its members are mapped, so that recursive schemas end at this entry.
        _named[id] = null;
        _order.Add(id);
        var built = shape switch
        {
            SchemaShape.Enum => new ApiSchema(id, preferredName.Text, ApiSchemaKind.Enum, SchemaFacts.Describe(schema), schema.Deprecated, EquatableArray<ApiProperty>.Empty, null, SchemaFacts.StringEnumValues(schema)!.Distinct().ToEquatableArray()),
            SchemaShape.IntegerEnum => new ApiSchema(id, preferredName.Text, ApiSchemaKind.IntegerEnum, SchemaFacts.Describe(schema), schema.Deprecated, EquatableArray<ApiProperty>.Empty, null, SchemaFacts.IntegerEnumValues(schema)!.Distinct().Select(value => value.ToString(CultureInfo.InvariantCulture)).ToEquatableArray())
            {
                EnumNames = (SchemaFacts.EnumNameExtension(schema) ?? new List<string>()).ToEquatableArray(),
            },
            SchemaShape.Union => BuildUnion(schema, id, preferredName),
            SchemaShape.MultiType => BuildMultiType(schema, id, preferredName),
            _ => BuildObject(schema, id, preferredName),
        };
        built = built with { NameRank = preferredName.Rank, FallbackName = firstUse == preferredName.Text ? null : firstUse };
        _named[id] = built;
        return IsComponent(id) ? id : Share(id, built);
    }

    // Inline schemas repeat a lot in large specs (Stripe's form bodies, Pipedrive's records); one type serves every
    // identical copy, named by the best-ranked name any copy has (among equals the shortest, then the first in ordinal
    // order: the least qualified), so that the name does not depend on which operation comes first. Copies the spec
    // titles differently stay apart: the spec says they are different things.
    private string Share(string id, ApiSchema built)
    {
        var shapeKey = built with { Id = string.Empty, PreferredName = string.Empty, Description = null, NameRank = 0, FallbackName = null };
        var titled = built.NameRank <= NameHint.Title;
        var titledKey = titled ? shapeKey with { PreferredName = built.PreferredName.ToUpperInvariant() } : null;
        var existing = titledKey is not null && _titledByShape.TryGetValue(titledKey, out var sameTitle) ? sameTitle
            : _inlineByShape.TryGetValue(shapeKey, out var sameShape) && (!titled || _named[sameShape]!.NameRank > NameHint.Title) ? sameShape
            : null;
        if (existing is null)
        {
            if (titledKey is not null)
            {
                _titledByShape[titledKey] = id;
            }

            if (!_inlineByShape.ContainsKey(shapeKey))
            {
                _inlineByShape[shapeKey] = id;
            }

            return id;
        }

        var kept = _named[existing]!;
        if (built.NameRank < kept.NameRank || (built.NameRank == kept.NameRank && ShorterFirst(built.PreferredName, kept.PreferredName) < 0))
        {
            _named[existing] = kept with { PreferredName = built.PreferredName, NameRank = built.NameRank, FallbackName = kept.FallbackName ?? kept.PreferredName };
            if (titledKey is not null)
            {
                _titledByShape[titledKey] = existing;
            }
        }

        _named.Remove(id);
        _order.RemoveAt(_order.LastIndexOf(id));
        _canonical[id] = existing;
        return existing;
    }

    private static int ShorterFirst(string left, string right) =>
        left.Length != right.Length ? left.Length.CompareTo(right.Length) : string.CompareOrdinal(left, right);

    // A component keeps its own type; schemas inline below one ("#/components/schemas/a/properties/b") are shared.
    private static bool IsComponent(string id)
    {
        var start = id.IndexOf(ComponentPrefix, System.StringComparison.Ordinal);
        return start >= 0 && id.IndexOf('/', start + ComponentPrefix.Length) < 0;
    }
}
