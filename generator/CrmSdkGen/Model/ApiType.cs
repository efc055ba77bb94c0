namespace CrmSdkGen.Model;

internal enum ApiTypeKind
{
    String,
    Boolean,
    Integer,
    Number,
    Array,
    Map,
    Named,
    Any,
    Binary,
}

/// <summary>A language-neutral type: a primitive with its format, a collection, or a reference to a named schema.</summary>
/// <param name="Kind">What sort of type it is.</param>
/// <param name="Format">The OpenAPI format of a primitive.</param>
/// <param name="SchemaId">The named schema, for <see cref="ApiTypeKind.Named"/>.</param>
/// <param name="Element">The item type of an array or the value type of a map.</param>
/// <param name="Nullable">Whether the schema allows null.</param>
internal sealed record ApiType(ApiTypeKind Kind, string? Format = null, string? SchemaId = null, ApiType? Element = null, bool Nullable = false)
{
    public static ApiType Any { get; } = new(ApiTypeKind.Any);

    /// <summary>The validation keywords of a primitive, array or map, when the schema has any.</summary>
    public ApiConstraints? Constraints { get; init; }

    /// <summary>Whether a number or boolean travels as a JSON string (<c>x-crmsdkgen-encoding: string</c>).</summary>
    public bool TextEncoded { get; init; }

    /// <summary>
    /// For an array sent as one JSON string (<c>x-crmsdkgen-encoding: string</c>), the text between its items
    /// (<c>x-crmsdkgen-separator</c>, a comma unless it says otherwise).
    /// </summary>
    public string? Separator { get; init; }

    public ApiType AsNullable() => Nullable ? this : this with { Nullable = true };
}
