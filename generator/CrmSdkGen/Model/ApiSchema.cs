using CrmSdkGen.Kernel;

namespace CrmSdkGen.Model;

internal enum ApiSchemaKind
{
    Object,
    Enum,
    Union,
    IntegerEnum,
}

/// <summary>One alternative of a oneOf/anyOf union, with the discriminator values that select it.</summary>
internal sealed record ApiUnionVariant(ApiType Type, EquatableArray<string> DiscriminatorValues);

/// <summary>A property of an object schema.</summary>
internal sealed record ApiProperty(
    string JsonName,
    ApiType Type,
    bool Required,
    string? Description,
    bool Deprecated,
    bool ReadOnly,
    bool WriteOnly)
{
    /// <summary>The schema's default value as JSON text, when it declares one.</summary>
    public string? DefaultJson { get; init; }

    /// <summary>The member name <c>x-crmsdkgen-name</c> asks for, instead of one made from <see cref="JsonName"/>.</summary>
    public string? MemberName { get; init; }
}

/// <summary>A schema that becomes a named type: an object or a string enumeration.</summary>
/// <param name="Id">Unique key: the component name, or the JSON pointer of an inline schema.</param>
/// <param name="PreferredName">The name to derive the type name from.</param>
internal sealed record ApiSchema(
    string Id,
    string PreferredName,
    ApiSchemaKind Kind,
    string? Description,
    bool Deprecated,
    EquatableArray<ApiProperty> Properties,
    ApiType? AdditionalProperties,
    EquatableArray<string> EnumValues)
{
    /// <summary>The alternatives of a union.</summary>
    public EquatableArray<ApiUnionVariant> Variants { get; init; }

    /// <summary>The property whose value names the alternative of a union, when the spec declares one.</summary>
    public string? Discriminator { get; init; }

    /// <summary>For integer enums, the member names from x-enum-varnames or x-enumNames, when the spec gives them.</summary>
    public EquatableArray<string> EnumNames { get; init; }

    /// <summary>
    /// The object schema this one extends (allOf with one referenced base); <see cref="Properties"/> then holds only
    /// the properties this schema adds.
    /// </summary>
    public string? BaseId { get; init; }

    /// <summary>minProperties and maxProperties of an object, when the schema has them.</summary>
    public ApiConstraints? Constraints { get; init; }

    /// <summary>The required property names of an object, inherited ones included, for telling union alternatives apart.</summary>
    public EquatableArray<string> RequiredNames { get; init; }

    /// <summary>How firmly the spec states <see cref="PreferredName"/> (<see cref="NameHint"/>): lower ranks claim their name first.</summary>
    public int NameRank { get; init; } = NameHint.FirstUse;

    /// <summary>The name from the schema's first use, for when another schema already holds <see cref="PreferredName"/>; null when they are the same.</summary>
    public string? FallbackName { get; init; }
}
