using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CrmSdkGen.Kernel;
using CrmSdkGen.Model;
using CrmSdkGen.Model.Mapping;
using CrmSdkGen.Read;

namespace CrmSdkGen.Compare;

/// <summary>
/// The regeneration report: compares the API description of a spec with that of its previous version (the baseline)
/// and reports each breaking change as a warning located in the new spec, and each addition as information.
/// </summary>
internal sealed partial class SpecComparer
{
    private readonly ApiDescription _old;
    private readonly ApiDescription _new;
    private readonly DiagnosticSink _sink;
    private readonly Dictionary<string, ApiSchema> _oldSchemas;
    private readonly Dictionary<string, ApiSchema> _newSchemas;
    private readonly HashSet<string> _compared = new(StringComparer.Ordinal);
    private readonly HashSet<string> _responseOnly;
    private bool _responseSide;

    private SpecComparer(ApiDescription old, ApiDescription current, DiagnosticSink sink)
    {
        _old = old;
        _new = current;
        _sink = sink;
        _oldSchemas = old.Schemas.ToDictionary(schema => schema.Id, StringComparer.Ordinal);
        _newSchemas = current.Schemas.ToDictionary(schema => schema.Id, StringComparer.Ordinal);
        var sent = Reachable(current.Operations.SelectMany(operation => operation.Parameters.Select(parameter => parameter.Type).Concat(operation.Body?.Type is { } body ? new[] { body } : Array.Empty<ApiType>())));
        _responseOnly = new HashSet<string>(_newSchemas.Keys.Where(id => !sent.Contains(id)), StringComparer.Ordinal);
    }

    public static void Compare(ApiDescription baseline, ApiDescription current, DiagnosticSink sink) =>
        new SpecComparer(baseline, current, sink).Run();

    private void Run()
    {
        var (pairs, addedOperations) = OperationPairs.Match(_old.Operations, _new.Operations);
        foreach (var (old, current, match) in pairs)
        {
            if (current is null)
            {
                Breaking(DiagnosticIds.RemovedOperation, $"The operation {old.Key}{Named(old)} was removed; calls to it no longer compile.", PathPointer(old.Path));
                continue;
            }

            ReportMove(old, current, match);
            CompareOperation(old, current);
        }

        foreach (var added in addedOperations)
        {
            Added($"The operation {added.Key}{Named(added)} was added.", OperationPointer(added));
        }

        foreach (var pair in _oldSchemas)
        {
            var (id, old) = (pair.Key, pair.Value);
            if (!IsComponent(id))
            {
                continue;
            }

            if (_newSchemas.TryGetValue(id, out var current))
            {
                CompareSchema(old, current);
            }
            else
            {
                Breaking(DiagnosticIds.RemovedProperty, $"The schema {Name(id)} was removed; its model type no longer exists.", id);
            }
        }

        foreach (var id in _newSchemas.Keys.Where(id => IsComponent(id) && !_oldSchemas.ContainsKey(id)))
        {
            Added($"The schema {Name(id)} was added.", id);
        }
    }

    private void CompareSchema(ApiSchema old, ApiSchema current)
    {
        var outer = _responseSide;
        _responseSide = _responseOnly.Contains(current.Id);
        try
        {
            CompareSchemaMembers(old, current);
        }
        finally
        {
            _responseSide = outer;
        }
    }

    private void CompareSchemaMembers(ApiSchema old, ApiSchema current)
    {
        var name = Name(current.Id);
        if (old.Kind is ApiSchemaKind.Enum or ApiSchemaKind.IntegerEnum)
        {
            foreach (var value in old.EnumValues.Where(value => !current.EnumValues.Contains(value)))
            {
                Tightened(DiagnosticIds.RemovedEnumValue, $"The value '{value}' of {name} was removed.", current.Id + "/enum");
            }

            foreach (var value in current.EnumValues.Where(value => !old.EnumValues.Contains(value)))
            {
                Added($"{name} gained the value '{value}'.", current.Id + "/enum");
            }

            return;
        }

        if (old.Kind != ApiSchemaKind.Object || current.Kind != ApiSchemaKind.Object)
        {
            if (old.Kind != current.Kind)
            {
                Breaking(DiagnosticIds.ChangedType, $"{name} changed from {old.Kind.ToString().ToLowerInvariant()} to {current.Kind.ToString().ToLowerInvariant()}.", current.Id);
            }

            return;
        }

        var before = SchemaHierarchy.AllProperties(old, Lookup(_oldSchemas)).GroupBy(property => property.JsonName).ToDictionary(group => group.Key, group => group.First(), StringComparer.Ordinal);
        var after = SchemaHierarchy.AllProperties(current, Lookup(_newSchemas)).GroupBy(property => property.JsonName).ToDictionary(group => group.Key, group => group.First(), StringComparer.Ordinal);
        var added = after.Values.Where(property => !before.ContainsKey(property.JsonName)).ToList();
        foreach (var pair in before)
        {
            var (jsonName, property) = (pair.Key, pair.Value);
            if (!after.TryGetValue(jsonName, out var now))
            {
                var renamed = added.FirstOrDefault(candidate => SameType(candidate.Type, property.Type));
                Breaking(DiagnosticIds.RemovedProperty, $"The property '{jsonName}' of {name} was removed{(renamed is null ? string.Empty : $" or renamed to '{renamed.JsonName}'")}.", renamed is null ? current.Id : PropertyPointer(current, renamed.JsonName));
                continue;
            }

            var at = PropertyPointer(current, jsonName);
            if (!property.Required && now.Required)
            {
                Tightened(DiagnosticIds.BecameRequired, $"The property '{jsonName}' of {name} became required.", at);
            }

            CompareType(property.Type, now.Type, $"the property '{jsonName}' of {name}", at);
        }

        foreach (var property in added)
        {
            if (property.Required)
            {
                Tightened(DiagnosticIds.BecameRequired, $"{name} gained the required property '{property.JsonName}'.", PropertyPointer(current, property.JsonName));
            }
            else
            {
                Added($"{name} gained the property '{property.JsonName}'.", PropertyPointer(current, property.JsonName));
            }
        }

        CompareConstraints(old.Constraints, current.Constraints, name, current.Id);
    }

    private void CompareType(ApiType old, ApiType current, string what, string at)
    {
        if (!SameType(old, current))
        {
            Breaking(DiagnosticIds.ChangedType, $"The type of {what} changed from {Describe(old)} to {Describe(current)}.", at);
            return;
        }

        if (old.Element is { } element && current.Element is { } now)
        {
            CompareConstraints(element.Constraints, now.Constraints, "the items of " + what, at);
            CompareInline(element, now);
        }

        CompareConstraints(old.Constraints, current.Constraints, what, at);
        CompareInline(old, current);
    }

    // A schema declared inline (an enum of a parameter, an object of a property) is compared through its owner: its
    // id is a path that shifts when, say, parameters are reordered, so ids cannot pair inline schemas.
    private void CompareInline(ApiType old, ApiType current)
    {
        if (old is { Kind: ApiTypeKind.Named, SchemaId: { } oldId } && current is { Kind: ApiTypeKind.Named, SchemaId: { } newId }
            && !IsComponent(newId) && _compared.Add(newId)
            && _oldSchemas.TryGetValue(oldId, out var before) && _newSchemas.TryGetValue(newId, out var after))
        {
            CompareSchema(before, after);
        }
    }

    private void CompareConstraints(ApiConstraints? old, ApiConstraints? current, string what, string at)
    {
        var narrowed = ConstraintNarrowing.Of(old, current);
        if (narrowed.Count > 0)
        {
            Tightened(DiagnosticIds.NarrowedConstraint, $"The constraints of {what} narrowed: {string.Join(", ", narrowed)}; values valid before may now be rejected.", at);
        }
    }

    // Same kind, format, wire encoding, named schema and item type; constraints and nullability are compared elsewhere.
    private bool SameType(ApiType old, ApiType current) =>
        old.Kind == current.Kind
        && old.TextEncoded == current.TextEncoded
        && old.Separator == current.Separator
        && (old.Kind is not (ApiTypeKind.String or ApiTypeKind.Integer or ApiTypeKind.Number) || old.Format == current.Format)
        && (old.SchemaId == current.SchemaId || SameInlineKind(old.SchemaId, current.SchemaId))
        && (old.Element is null || (current.Element is not null && SameType(old.Element, current.Element)));

    private bool SameInlineKind(string? oldId, string? newId) =>
        oldId is not null && newId is not null && !IsComponent(oldId) && !IsComponent(newId)
        && _oldSchemas.TryGetValue(oldId, out var before) && _newSchemas.TryGetValue(newId, out var after) && before.Kind == after.Kind;

    private static string Describe(ApiType type) => type.Kind switch
    {
        ApiTypeKind.Named => Name(type.SchemaId!),
        ApiTypeKind.Array => "array of " + Describe(type.Element!) + (type.Separator is null ? string.Empty : $" sent as text joined by '{type.Separator}'"),
        ApiTypeKind.Map => "map of " + Describe(type.Element!),
        _ => type.Kind.ToString().ToLowerInvariant() + (type.Format is null ? string.Empty : $" ({type.Format})") + (type.TextEncoded ? " sent as text" : string.Empty),
    };

    private void Breaking(string id, string message, string pointer) => _sink.Report(id, Severity.Warning, message, pointer);

    // Stricter data breaks what clients send, not what they receive: in a schema that only appears in responses it is information.
    private void Tightened(string id, string message, string pointer)
    {
        if (_responseSide)
        {
            _sink.Report(id, Severity.Info, message + " It only appears in responses, so clients are not broken.", pointer);
        }
        else
        {
            Breaking(id, message, pointer);
        }
    }

    // The ids of the schemas the given types use, transitively: properties, items, additional properties, union members, bases.
    private HashSet<string> Reachable(IEnumerable<ApiType> roots)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<ApiType>(roots);
        while (pending.Count > 0)
        {
            var type = pending.Pop();
            if (type.Element is { } element)
            {
                pending.Push(element);
            }

            if (type.SchemaId is not { } id || !seen.Add(id) || !_newSchemas.TryGetValue(id, out var schema))
            {
                continue;
            }

            foreach (var property in schema.Properties)
            {
                pending.Push(property.Type);
            }

            foreach (var variant in schema.Variants)
            {
                pending.Push(variant.Type);
            }

            if (schema.AdditionalProperties is { } additional)
            {
                pending.Push(additional);
            }

            if (schema.BaseId is { } baseId)
            {
                pending.Push(new ApiType(ApiTypeKind.Named, SchemaId: baseId));
            }
        }

        return seen;
    }

    private void Added(string message, string pointer) => _sink.Report(DiagnosticIds.Addition, Severity.Info, message, pointer);

    private static Func<string, ApiSchema?> Lookup(Dictionary<string, ApiSchema> schemas) => id => schemas.TryGetValue(id, out var schema) ? schema : null;

    private static string PropertyPointer(ApiSchema schema, string jsonName) => schema.Id + "/properties/" + SpecPointer.Escape(jsonName);

    private static string OperationPointer(ApiOperation operation) => PathPointer(operation.Path) + "/" + operation.Method.ToLowerInvariant();

    private static string PathPointer(string path) => "#/paths/" + SpecPointer.Escape(path);

    private static string Location(ApiParameter parameter) => parameter.Location.ToString().ToLowerInvariant();

    private static string Named(ApiOperation operation) => operation.OperationId is { } id ? $" ({id})" : string.Empty;

    private static bool IsComponent(string id) => id.StartsWith("#/components/schemas/", StringComparison.Ordinal) && id.IndexOf('/', "#/components/schemas/".Length) < 0;

    // "Contact" for a component, "Contact.address" style for a schema inline below one.
    private static string Name(string id)
    {
        const string Prefix = "#/components/schemas/";
        var name = id.StartsWith(Prefix, StringComparison.Ordinal) ? id.Substring(Prefix.Length) : id;
        return name.Replace("/properties/", ".").Replace("/items", "[]").Replace("~1", "/").Replace("~0", "~");
    }
}
