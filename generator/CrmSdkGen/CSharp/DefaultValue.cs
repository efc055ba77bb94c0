using System.Globalization;
using System.Text.Json;
using CrmSdkGen.Model;

namespace CrmSdkGen.CSharp;

/// <summary>Turns a schema's default value into a C# expression of the property's type, where one can be written.</summary>
internal static class DefaultValue
{
    /// <summary>The C# expression, or null for defaults of types a constant cannot express (objects, arrays, dates).</summary>
    public static string? Expression(ApiType type, string? json, TypeMapper types)
    {
        if (json is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(json);
        var value = document.RootElement;
        var typeName = types.Name(type);
        return (type.Kind, value.ValueKind) switch
        {
            (ApiTypeKind.String, JsonValueKind.String) when typeName == "string" => CSharpEscaping.CSharpString(value.GetString()),
            (ApiTypeKind.Boolean, JsonValueKind.True) => "true",
            (ApiTypeKind.Boolean, JsonValueKind.False) => "false",
            (ApiTypeKind.Integer, JsonValueKind.Number) => Integer(value, typeName),
            (ApiTypeKind.Number, JsonValueKind.Number) => Number(value, typeName),
            (ApiTypeKind.Named, JsonValueKind.String) when types.IsEnum(type) => $"new {typeName}({CSharpEscaping.CSharpString(value.GetString())})",
            (ApiTypeKind.Named, JsonValueKind.Number) when types.IsIntegerEnum(type) && value.TryGetInt64(out var member) =>
                $"({typeName})({member.ToString(CultureInfo.InvariantCulture)})",
            _ => null,
        };
    }

    private static string? Integer(JsonElement value, string typeName)
    {
        if (typeName == "int")
        {
            return value.TryGetInt32(out var small) ? small.ToString(CultureInfo.InvariantCulture) : null;
        }

        return value.TryGetInt64(out var large) ? large.ToString(CultureInfo.InvariantCulture) + "L" : null;
    }

    private static string? Number(JsonElement value, string typeName)
    {
        if (!value.TryGetDouble(out var number) || double.IsInfinity(number))
        {
            return null;
        }

        return typeName switch
        {
            "float" => number.ToString("R", CultureInfo.InvariantCulture) + "f",
            "decimal" => value.TryGetDecimal(out var exact) ? exact.ToString(CultureInfo.InvariantCulture) + "m" : null,
            _ => number.ToString("R", CultureInfo.InvariantCulture) + "d",
        };
    }
}
