using CrmSdkGen.Model;

namespace CrmSdkGen.CSharp;

/// <summary>The one table of primitive types and formats the generator maps; every projector reads it from here.</summary>
internal static class KnownFormats
{
    private static readonly KnownFormat Text = new("string", RuntimeTypes.JsonCodecs + "String", false, "String");
    private static readonly KnownFormat DateTime = new("global::System.DateTimeOffset", RuntimeTypes.JsonCodecs + "DateTimeOffset", true, "DateTime");
    private static readonly KnownFormat Date = new("global::System.DateOnly", RuntimeTypes.JsonCodecs + "DateOnly", true, "Date");
    private static readonly KnownFormat Uuid = new("global::System.Guid", RuntimeTypes.JsonCodecs + "Guid", true, "Uuid");
    private static readonly KnownFormat Base64 = new("byte[]", RuntimeTypes.JsonCodecs + "Base64", false, "String");
    private static readonly KnownFormat Int32 = new("int", RuntimeTypes.JsonCodecs + "Int32", true, "Integer");
    private static readonly KnownFormat Int64 = new("long", RuntimeTypes.JsonCodecs + "Int64", true, "Integer");
    private static readonly KnownFormat Single = new("float", RuntimeTypes.JsonCodecs + "Single", true, "Number");
    private static readonly KnownFormat Decimal = new("decimal", RuntimeTypes.JsonCodecs + "Decimal", true, "Number");
    private static readonly KnownFormat Double = new("double", RuntimeTypes.JsonCodecs + "Double", true, "Number");
    private static readonly KnownFormat Boolean = new("bool", RuntimeTypes.JsonCodecs + "Boolean", true, "Boolean");
    private static readonly KnownFormat File = new(RuntimeTypes.FileContent, RuntimeTypes.FileContentCodec + ".Instance", false, "String");

    /// <summary>The mapping of a primitive type (string, integer, number, boolean, binary) by its format; null for the others.</summary>
    public static KnownFormat? Of(ApiType type) => type.TextEncoded && Plain(type) is { } plain
        ? plain with { Codec = plain.Codec + "Text", UnionKind = "String" }
        : Plain(type);

    private static KnownFormat? Plain(ApiType type) => type.Kind switch
    {
        ApiTypeKind.String => type.Format switch
        {
            "date-time" => DateTime,
            "date" => Date,
            "uuid" => Uuid,
            "byte" => Base64,
            _ => Text,
        },
        ApiTypeKind.Integer => type.Format is "int32" or "int16" or "int8" or "uint8" or "uint16" ? Int32 : Int64,
        ApiTypeKind.Number => type.Format switch
        {
            // Singles have no text codec: a number sent as text is read as a double unless its format asks for a decimal.
            "float" => type.TextEncoded ? Double : Single,
            "decimal" => Decimal,
            _ => Double,
        },
        ApiTypeKind.Boolean => Boolean,
        ApiTypeKind.Binary => File,
        _ => null,
    };
}
