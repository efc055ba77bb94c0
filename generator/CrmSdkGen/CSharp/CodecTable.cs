using System.Collections.Generic;
using System.Globalization;

namespace CrmSdkGen.CSharp;

/// <summary>A static codec field of a generated file.</summary>
internal sealed class CodecField
{
    internal CodecField(string name, string type, string initializer)
    {
        Name = name;
        Type = type;
        Initializer = initializer;
    }

    /// <summary>The field name.</summary>
    public string Name { get; }

    /// <summary>The field's C# type.</summary>
    public string Type { get; }

    /// <summary>The expression that creates the codec.</summary>
    public string Initializer { get; }
}

/// <summary>The composite codecs one generated file needs, each created once as a static field.</summary>
internal sealed class CodecTable
{
    private readonly Dictionary<string, CodecField> _byInitializer = new();

    public List<CodecField> Fields { get; } = new();

    public string Field(string valueType, string initializer)
    {
        if (!_byInitializer.TryGetValue(initializer, out var field))
        {
            field = new CodecField("s_codec" + Fields.Count.ToString(CultureInfo.InvariantCulture), $"global::CrmSdkGen.Runtime.Json.JsonCodec<{valueType}>", initializer);
            _byInitializer[initializer] = field;
            Fields.Add(field);
        }

        return field.Name;
    }
}
