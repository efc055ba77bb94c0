using System;
using System.Collections.Generic;
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

    private static bool IsComponent(string id)
    {
        var start = id.IndexOf(ComponentPrefix, System.StringComparison.Ordinal);
        return start >= 0 && id.IndexOf('/', start + ComponentPrefix.Length) < 0;
    }
}
