using System.Collections.Generic;

namespace CrmSdkGen.CSharp.Emit;

/// <summary>What the Model template receives: one object schema as a C# class.</summary>
internal sealed class ModelTemplateModel
{
    public string Namespace { get; set; } = string.Empty;
    public string Name { get; set; } = string.Empty;
    public string? Summary { get; set; }
    public bool Deprecated { get; set; }
    public List<PropertyTemplateModel> Properties { get; } = new();
    public string AdditionalType { get; set; } = string.Empty;
    public string AdditionalCodec { get; set; } = string.Empty;
    public List<CodecField> Codecs { get; set; } = new();
}

/// <summary>One property of a model.</summary>
internal sealed class PropertyTemplateModel
{
    public string Name { get; set; } = string.Empty;
    public string Field { get; set; } = string.Empty;
    public string JsonName { get; set; } = string.Empty;
    public string? Summary { get; set; }
    public bool Deprecated { get; set; }
    public int Index { get; set; }

    /// <summary>The property's declared type.</summary>
    public string Type { get; set; } = string.Empty;

    /// <summary>The backing field's type, nullable for reference types so that an unset property holds null.</summary>
    public string FieldType { get; set; } = string.Empty;

    /// <summary>Whether the getter throws when unset (a required, non-nullable reference).</summary>
    public bool AssertNotNull { get; set; }

    /// <summary>Whether reading must find the property.</summary>
    public bool MustBePresent { get; set; }

    /// <summary>Whether JSON null is accepted.</summary>
    public bool AcceptsNull { get; set; }

    /// <summary>Whether the field can hold null, so writing checks for it.</summary>
    public bool FieldMayBeNull { get; set; }

    /// <summary>".Value" when the field is a nullable value type.</summary>
    public string ValueSuffix { get; set; } = string.Empty;

    public string Codec { get; set; } = string.Empty;
    public bool ReadOnly { get; set; }
}
