using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CrmSdkGen.Kernel;
using Microsoft.OpenApi;

namespace CrmSdkGen.Model.Mapping;

/// <summary>Named schemas: built once per id, and inline ones of one shape shared under one name.</summary>
internal sealed partial class SchemaMapper
{
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
}
