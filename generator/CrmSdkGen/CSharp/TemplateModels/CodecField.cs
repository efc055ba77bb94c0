namespace CrmSdkGen.CSharp.TemplateModels;

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
