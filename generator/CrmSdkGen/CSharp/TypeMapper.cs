using System.Collections.Generic;
using CrmSdkGen.Model;

namespace CrmSdkGen.CSharp;

/// <summary>Maps language-neutral types to C# type names and to the codecs that read and write them.</summary>
internal sealed class TypeMapper
{
    private readonly IReadOnlyDictionary<string, string> _typeNames;
    private readonly IReadOnlyDictionary<string, ApiSchemaKind> _kinds;

    public TypeMapper(IReadOnlyDictionary<string, string> typeNames, IReadOnlyDictionary<string, ApiSchemaKind> kinds)
    {
        _typeNames = typeNames;
        _kinds = kinds;
    }

    /// <summary>The C# type without nullability.</summary>
    public string Name(ApiType type) => KnownFormats.Of(type)?.TypeName ?? type.Kind switch
    {
        ApiTypeKind.Array => $"global::System.Collections.Generic.IList<{ElementName(type.Element!)}>",
        ApiTypeKind.Map => $"global::System.Collections.Generic.IDictionary<string, {ElementName(type.Element!)}>",
        ApiTypeKind.Named => _typeNames[type.SchemaId!],
        _ => "global::System.Text.Json.JsonElement",
    };

    /// <summary>The C# type as a member declares it: nullable when <paramref name="nullable"/>, except JsonElement, which holds null itself.</summary>
    public string DeclaredName(ApiType type, bool nullable) => nullable && type.Kind != ApiTypeKind.Any ? Name(type) + "?" : Name(type);

    public bool IsValueType(ApiType type) => KnownFormats.Of(type)?.IsValueType ?? type.Kind switch
    {
        ApiTypeKind.Any => true,
        ApiTypeKind.Named => _kinds[type.SchemaId!] is ApiSchemaKind.Enum or ApiSchemaKind.IntegerEnum,
        _ => false,
    };

    public bool IsIntegerEnum(ApiType type) => type.Kind == ApiTypeKind.Named && _kinds[type.SchemaId!] == ApiSchemaKind.IntegerEnum;

    public bool IsEnum(ApiType type) => type.Kind == ApiTypeKind.Named && _kinds[type.SchemaId!] == ApiSchemaKind.Enum;

    /// <summary>An expression for the codec of <paramref name="type"/> (ignoring its nullability).</summary>
    public string Codec(ApiType type, CodecTable table) => KnownFormats.Of(type)?.Codec ?? type.Kind switch
    {
        ApiTypeKind.Array when type.Separator is { } separator =>
            table.Field(Name(type), $"new {RuntimeTypes.DelimitedListCodec}<{ElementName(type.Element!)}>({DeclaredCodec(type.Element!, table)}, {CSharpEscaping.CSharpString(separator)})"),
        ApiTypeKind.Array => table.Field(Name(type), $"new {RuntimeTypes.ListCodec}<{ElementName(type.Element!)}>({DeclaredCodec(type.Element!, table)})"),
        ApiTypeKind.Map => table.Field(Name(type), $"new {RuntimeTypes.DictionaryCodec}<{ElementName(type.Element!)}>({DeclaredCodec(type.Element!, table)})"),
        ApiTypeKind.Named when IsEnum(type) => $"{RuntimeTypes.StringEnumCodec}<{Name(type)}>.Instance",
        ApiTypeKind.Named when IsIntegerEnum(type) => $"{RuntimeTypes.Int64EnumCodec}<{Name(type)}>.Instance",
        ApiTypeKind.Named => $"{RuntimeTypes.ModelCodec}<{Name(type)}>.Instance",
        _ => RuntimeTypes.JsonCodecs + "Element",
    };

    /// <summary>Formats a non-null value of a parameter type for a URI or header.</summary>
    public string FormatValue(ApiType type, string value) =>
        IsEnum(type) ? value + ".Value"
        : IsIntegerEnum(type) ? $"{RuntimeTypes.ParameterFormatter}Format((long){value})"
        : $"{RuntimeTypes.ParameterFormatter}Format({value})";

    private string ElementName(ApiType element) => DeclaredName(element, element.Nullable);

    /// <summary>An expression for the codec of <paramref name="element"/> as declared: one that reads null too where it is nullable.</summary>
    public string DeclaredCodec(ApiType element, CodecTable table)
    {
        var codec = Codec(element, table);
        if (!element.Nullable || element.Kind == ApiTypeKind.Any)
        {
            return codec;
        }

        var wrapper = IsValueType(element) ? RuntimeTypes.NullableValueCodec : RuntimeTypes.NullableReferenceCodec;
        return $"new {wrapper}<{Name(element)}>({codec})";
    }
}
