namespace CrmSdkGen.Model;

internal enum ApiSchemaKind
{
    Object,
    Enum,
}

/// <summary>A property of an object schema.</summary>
internal sealed record ApiProperty(
    string JsonName,
    ApiType Type,
    bool Required,
    string? Description,
    bool Deprecated,
    bool ReadOnly,
    bool WriteOnly);

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
    EquatableArray<string> EnumValues);
