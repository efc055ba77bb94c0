using System.Collections.Generic;

namespace CrmSdkGen.CSharp.TemplateModels;

/// <summary>What the Union template receives: a oneOf/anyOf schema as a class holding the alternative that matched.</summary>
internal sealed class UnionTemplateModel
{
    public string Namespace { get; set; } = string.Empty;
    public string Name { get; set; } = string.Empty;
    public string? Summary { get; set; }
    public bool Deprecated { get; set; }

    /// <summary>The discriminator property, when the spec names one.</summary>
    public string? Discriminator { get; set; }

    public List<UnionVariantTemplateModel> Variants { get; } = new();
    public List<CodecField> Codecs { get; set; } = new();
}

/// <summary>One alternative of a union.</summary>
internal sealed class UnionVariantTemplateModel
{
    public int Index { get; set; }
    public string Property { get; set; } = string.Empty;
    public string Field { get; set; } = string.Empty;

    /// <summary>The alternative's C# type, not nullable.</summary>
    public string Type { get; set; } = string.Empty;

    /// <summary>".Value" when the alternative is a value type, whose field is nullable.</summary>
    public string ValueSuffix { get; set; } = string.Empty;

    public string Codec { get; set; } = string.Empty;

    /// <summary>Whether the alternative is a model or union that validates itself.</summary>
    public bool Validatable { get; set; }

    /// <summary>The <c>UnionValueKind</c> member that scores a JSON value against this alternative.</summary>
    public string Kind { get; set; } = string.Empty;

    /// <summary>For object alternatives, the declared and the required JSON property names.</summary>
    public List<string> Known { get; } = new();
    public List<string> Required { get; } = new();

    public List<string> DiscriminatorValues { get; } = new();

    /// <summary>Whether an implicit conversion from the alternative's type is declared (not for interfaces or repeated types).</summary>
    public bool Implicit { get; set; }
}
