using System;
using System.Text;
using System.Text.Json;

namespace CrmSdkGen.Runtime.Json;

/// <summary>
/// A JSON read failure located by the JSON path of the value that failed (<c>$.data[3].owner_id</c>) and the model
/// property it was read into; each enclosing object and array adds its segment while the failure unwinds.
/// </summary>
internal sealed class JsonPathException : JsonException
{
    private JsonPathException(string reason, string relativePath, string? model, string? property, Exception origin)
        : base(FormatMessage(reason, relativePath, model, property), "$" + relativePath, null, null, origin)
    {
        Reason = reason;
        RelativePath = relativePath;
        Model = model;
        Property = property;
    }

    /// <summary>What was wrong with the value, without its position.</summary>
    public string Reason { get; }

    /// <summary>The path below the outermost value read, without the leading <c>$</c>.</summary>
    public string RelativePath { get; }

    /// <summary>The model whose property failed, where a model was being read.</summary>
    public string? Model { get; }

    /// <summary>The JSON name of that property.</summary>
    public string? Property { get; }

    /// <summary>The failure of the value of property <paramref name="jsonName"/> of <paramref name="model"/>.</summary>
    public static JsonPathException InProperty(JsonException failure, string jsonName, string model) =>
        failure is JsonPathException located
            ? new(located.Reason, PropertySegment(jsonName) + located.RelativePath, located.Model ?? model, located.Property ?? jsonName, located.InnerException ?? located)
            : new(ReasonOf(failure), PropertySegment(jsonName), model, jsonName, failure);

    /// <summary>The failure of the value at <paramref name="index"/> of an array.</summary>
    public static JsonPathException InItem(JsonException failure, int index) => Prefixed(failure, "[" + index + "]");

    /// <summary>The failure of the value of key <paramref name="key"/> of a map.</summary>
    public static JsonPathException InEntry(JsonException failure, string key) => Prefixed(failure, PropertySegment(key));

    private static JsonPathException Prefixed(JsonException failure, string segment) =>
        failure is JsonPathException located
            ? new(located.Reason, segment + located.RelativePath, located.Model, located.Property, located.InnerException ?? located)
            : new(ReasonOf(failure), segment, null, null, failure);

    private static string ReasonOf(JsonException failure) => failure is JsonValueException value ? value.Reason : failure.Message;

    private static string PropertySegment(string name)
    {
        foreach (var character in name)
        {
            if (!(char.IsLetterOrDigit(character) || character == '_'))
            {
                return "['" + name.Replace("\\", "\\\\").Replace("'", "\\'") + "']";
            }
        }

        return name.Length == 0 || char.IsDigit(name[0]) ? "['" + name + "']" : "." + name;
    }

    private static string FormatMessage(string reason, string relativePath, string? model, string? property)
    {
        var message = new StringBuilder("$").Append(relativePath).Append(": ").Append(reason);
        if (model is not null && property is not null)
        {
            message.Append(" (").Append(model).Append('.').Append(property).Append(')');
        }

        return message.ToString();
    }
}
