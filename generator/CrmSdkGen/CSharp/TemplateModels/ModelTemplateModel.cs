using System.Collections.Generic;

namespace CrmSdkGen.CSharp.TemplateModels;

/// <summary>What the Model template receives: one object schema as a C# class.</summary>
internal sealed class ModelTemplateModel
{
    public string Namespace { get; set; } = string.Empty;
    public string Name { get; set; } = string.Empty;
    public string? Summary { get; set; }
    public bool Deprecated { get; set; }

    /// <summary>The class it derives from: a base model of the spec, or the runtime's ApiModel.</summary>
    public string? BaseType { get; set; }

    /// <summary>Whether <see cref="BaseType"/> is another generated model rather than the runtime's ApiModel.</summary>
    public bool HasModelBase { get; set; }

    /// <summary>How many properties the bases declare; this model's property indices start there.</summary>
    public int IndexOffset { get; set; }

    public List<PropertyTemplateModel> Properties { get; } = new();
    public string AdditionalType { get; set; } = string.Empty;
    public string AdditionalCodec { get; set; } = string.Empty;
    public List<CodecField> Codecs { get; set; } = new();

    /// <summary>The compiled patterns the validator uses, one static field each.</summary>
    public List<CodecField> Patterns { get; } = new();

    /// <summary>The validator's statements, one per property with something to check.</summary>
    public List<string> Validation { get; set; } = new();
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

    /// <summary>The JsonReading method that reads the value: ReadValue, or ReadNullableValue/ReadNullableReference when JSON null is accepted.</summary>
    public string ReadMethod { get; set; } = string.Empty;

    /// <summary>The JsonWriting method that writes the value: WriteValue, or WriteNullableValue/WriteNullableReference when the field can hold null.</summary>
    public string WriteMethod { get; set; } = string.Empty;

    /// <summary>A C# expression for the schema's default, which the getter returns while the property is not set.</summary>
    public string? Default { get; set; }

    public string Codec { get; set; } = string.Empty;
    public bool ReadOnly { get; set; }

    /// <summary>The constraints of the property's schema that the validator checks, as data.</summary>
    public List<RuleTemplateModel> Rules { get; } = new();

    /// <summary>The validator's statements for this property, as the model's <c>validation</c> lists them.</summary>
    public List<string> ValidationStatements { get; } = new();

    /// <summary>Whether a failure of the property reports no value (a password, secret or token).</summary>
    public bool Sensitive { get; set; }
}
