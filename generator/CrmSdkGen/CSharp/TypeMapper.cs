using System.Collections.Generic;
using CrmSdkGen.Model;

namespace CrmSdkGen.CSharp;

/// <summary>Maps language-neutral types to C# type names and to the codecs that read and write them.</summary>
internal sealed class TypeMapper
{
    private const string Codecs = "global::CrmSdkGen.Runtime.Json.JsonCodecs.";
    private readonly IReadOnlyDictionary<string, string> _typeNames;
    private readonly IReadOnlyDictionary<string, ApiSchemaKind> _kinds;

    public TypeMapper(IReadOnlyDictionary<string, string> typeNames, IReadOnlyDictionary<string, ApiSchemaKind> kinds)
    {
        _typeNames = typeNames;
        _kinds = kinds;
    }

    /// <summary>The C# type without nullability.</summary>
    public string Name(ApiType type) => type.Kind switch
    {
        ApiTypeKind.Binary => "global::CrmSdkGen.Runtime.Http.FileContent",
        ApiTypeKind.String => type.Format switch
        {
            "date-time" => "global::System.DateTimeOffset",
            "date" => "global::System.DateOnly",
            "uuid" => "global::System.Guid",
            "byte" => "byte[]",
            _ => "string",
        },
        ApiTypeKind.Integer => IsInt32(type.Format) ? "int" : "long",
        ApiTypeKind.Number => type.Format switch
        {
            "float" => "float",
            "decimal" => "decimal",
            _ => "double",
        },
        ApiTypeKind.Boolean => "bool",
        ApiTypeKind.Array => $"global::System.Collections.Generic.IList<{ElementName(type.Element!)}>",
        ApiTypeKind.Map => $"global::System.Collections.Generic.IDictionary<string, {ElementName(type.Element!)}>",
        ApiTypeKind.Named => _typeNames[type.SchemaId!],
        _ => "global::System.Text.Json.JsonElement",
    };

    /// <summary>The C# type as a member declares it: nullable when <paramref name="nullable"/>, except JsonElement, which holds null itself.</summary>
    public string DeclaredName(ApiType type, bool nullable) => nullable && type.Kind != ApiTypeKind.Any ? Name(type) + "?" : Name(type);

    public bool IsValueType(ApiType type) => type.Kind switch
    {
        ApiTypeKind.Integer or ApiTypeKind.Number or ApiTypeKind.Boolean or ApiTypeKind.Any => true,
        ApiTypeKind.String => type.Format is "date-time" or "date" or "uuid",
        ApiTypeKind.Named => _kinds[type.SchemaId!] is ApiSchemaKind.Enum or ApiSchemaKind.IntegerEnum,
        _ => false,
    };

    public bool IsIntegerEnum(ApiType type) => type.Kind == ApiTypeKind.Named && _kinds[type.SchemaId!] == ApiSchemaKind.IntegerEnum;

    public bool IsEnum(ApiType type) => type.Kind == ApiTypeKind.Named && _kinds[type.SchemaId!] == ApiSchemaKind.Enum;

    /// <summary>An expression for the codec of <paramref name="type"/> (ignoring its nullability).</summary>
    public string Codec(ApiType type, CodecTable table) => type.Kind switch
    {
        ApiTypeKind.Binary => "global::CrmSdkGen.Runtime.Json.FileContentCodec.Instance",
        ApiTypeKind.String => type.Format switch
        {
            "date-time" => Codecs + "DateTimeOffset",
            "date" => Codecs + "DateOnly",
            "uuid" => Codecs + "Guid",
            "byte" => Codecs + "Base64",
            _ => Codecs + "String",
        },
        ApiTypeKind.Integer => Codecs + (IsInt32(type.Format) ? "Int32" : "Int64"),
        ApiTypeKind.Number => Codecs + type.Format switch
        {
            "float" => "Single",
            "decimal" => "Decimal",
            _ => "Double",
        },
        ApiTypeKind.Boolean => Codecs + "Boolean",
        ApiTypeKind.Array => table.Field(Name(type), $"new global::CrmSdkGen.Runtime.Json.ListCodec<{ElementName(type.Element!)}>({ElementCodec(type.Element!, table)})"),
        ApiTypeKind.Map => table.Field(Name(type), $"new global::CrmSdkGen.Runtime.Json.DictionaryCodec<{ElementName(type.Element!)}>({ElementCodec(type.Element!, table)})"),
        ApiTypeKind.Named when IsEnum(type) => $"global::CrmSdkGen.Runtime.Json.StringEnumCodec<{Name(type)}>.Instance",
        ApiTypeKind.Named when IsIntegerEnum(type) => $"global::CrmSdkGen.Runtime.Json.Int64EnumCodec<{Name(type)}>.Instance",
        ApiTypeKind.Named => $"global::CrmSdkGen.Runtime.Json.ModelCodec<{Name(type)}>.Instance",
        _ => Codecs + "Element",
    };

    /// <summary>Formats a non-null value of a parameter type for a URI or header.</summary>
    public string FormatValue(ApiType type, string value) =>
        IsEnum(type) ? value + ".Value"
        : IsIntegerEnum(type) ? $"global::CrmSdkGen.Runtime.Http.ParameterFormatter.Format((long){value})"
        : $"global::CrmSdkGen.Runtime.Http.ParameterFormatter.Format({value})";

    private string ElementName(ApiType element) => DeclaredName(element, element.Nullable);

    private string ElementCodec(ApiType element, CodecTable table)
    {
        var codec = Codec(element, table);
        if (!element.Nullable || element.Kind == ApiTypeKind.Any)
        {
            return codec;
        }

        var wrapper = IsValueType(element) ? "NullableValueCodec" : "NullableReferenceCodec";
        return $"new global::CrmSdkGen.Runtime.Json.{wrapper}<{Name(element)}>({codec})";
    }

    private static bool IsInt32(string? format) => format is "int32" or "int16" or "int8" or "uint8" or "uint16";
}
