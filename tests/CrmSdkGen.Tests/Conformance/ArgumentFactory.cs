using System.Globalization;
using System.Text.Json;
using CrmSdkGen.Model;

namespace CrmSdkGen.Tests.Conformance;

/// <summary>Builds a valid argument for a required parameter from its spec example, enum or type.</summary>
internal static class ArgumentFactory
{
    public static object Create(ApiParameter parameter, Type type, MinimalJson minimal)
    {
        var exampleText = parameter.Example ?? minimal.For(type.FullName!)?.ToJsonString();
        var example = exampleText is null ? (JsonElement?)null : JsonDocument.Parse(exampleText).RootElement;
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target.IsGenericType && target.GetGenericTypeDefinition() == typeof(IList<>))
        {
            var itemType = target.GetGenericArguments()[0];
            var list = (System.Collections.IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(itemType))!;
            var item = example is { ValueKind: JsonValueKind.Array } array && array.GetArrayLength() > 0 ? array[0] : example;
            list.Add(Scalar(item, itemType));
            return list;
        }

        return Scalar(example is { ValueKind: JsonValueKind.Array } values && values.GetArrayLength() > 0 ? values[0] : example, target);
    }

    /// <summary>A request body of a generated model type from the spec's example, else from its required properties.</summary>
    public static object? Body(string? example, Type type, MinimalJson minimal)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (!target.IsClass || target.GetConstructor(Type.EmptyTypes) is null)
        {
            return null;
        }

        var json = example is not null && example.TrimStart().StartsWith('{') ? example : minimal.For(target.FullName!)?.ToJsonString() ?? "{}";
        var parse = typeof(CrmSdkGen.Runtime.Json.JsonModel).GetMethod(nameof(CrmSdkGen.Runtime.Json.JsonModel.Parse), [typeof(string)])!.MakeGenericMethod(target);
        try
        {
            return parse.Invoke(null, [json]);
        }
        catch (System.Reflection.TargetInvocationException)
        {
            // The example does not fit the schema; the required properties do.
            return parse.Invoke(null, [minimal.For(target.FullName!)?.ToJsonString() ?? "{}"]);
        }
    }

    private static object Scalar(JsonElement? example, Type type)
    {
        if (example is { ValueKind: JsonValueKind.String } encoded && type.IsClass && type != typeof(string) && encoded.GetString()!.TrimStart().StartsWith('{'))
        {
            example = JsonDocument.Parse(encoded.GetString()!).RootElement;
        }

        var text = example switch
        {
            { ValueKind: JsonValueKind.String } value => value.GetString(),
            { ValueKind: JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False } value => value.GetRawText(),
            _ => null,
        };

        if (type == typeof(string))
        {
            return text ?? "1";
        }

        if (type == typeof(int))
        {
            return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : 1;
        }

        if (type == typeof(long))
        {
            return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : 1L;
        }

        if (type == typeof(double))
        {
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : 1d;
        }

        if (type == typeof(decimal))
        {
            return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : 1m;
        }

        if (type == typeof(float))
        {
            return float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : 1f;
        }

        if (type == typeof(bool))
        {
            return text != "false";
        }

        if (type == typeof(Guid))
        {
            return Guid.TryParse(text, out var value) ? value : Guid.Parse("3fa85f64-5717-4562-b3fc-2c963f66afa6");
        }

        if (type == typeof(DateTimeOffset))
        {
            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var value) ? value : new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero);
        }

        if (type == typeof(DateOnly))
        {
            return DateOnly.TryParse(text, CultureInfo.InvariantCulture, out var value) ? value : new DateOnly(2024, 1, 2);
        }

        // A generated integer enum: the example's number, else its first member.
        if (type.IsEnum)
        {
            return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? Enum.ToObject(type, number) : Enum.GetValues(type).GetValue(0)!;
        }

        // A generated string enum: its first known value, unless the example names another.
        var fromValue = type.GetMethod("FromValue", [typeof(string)]);
        if (fromValue is not null)
        {
            var first = type.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static).First(property => property.PropertyType == type);
            return text is null ? first.GetValue(null)! : fromValue.Invoke(null, [text])!;
        }

        // A generated model or union: read from the example when there is one, else an empty instance.
        if (type.IsClass && type.GetConstructor(Type.EmptyTypes) is { } constructor)
        {
            if (example is { ValueKind: JsonValueKind.Object or JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True } json)
            {
                var parse = typeof(CrmSdkGen.Runtime.Json.JsonModel).GetMethod(nameof(CrmSdkGen.Runtime.Json.JsonModel.Parse), [typeof(string)])!.MakeGenericMethod(type);
                return parse.Invoke(null, [json.GetRawText()])!;
            }

            return constructor.Invoke(null);
        }

        throw new NotSupportedException($"No argument can be made for {type}.");
    }
}
