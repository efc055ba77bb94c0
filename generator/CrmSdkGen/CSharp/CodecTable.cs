using System.Collections.Generic;
using System.Globalization;
using CrmSdkGen.CSharp.TemplateModels;

namespace CrmSdkGen.CSharp;

/// <summary>The composite codecs one generated file needs, each created once as a static field.</summary>
internal sealed class CodecTable
{
    private readonly Dictionary<string, CodecField> _byInitializer = new();

    public List<CodecField> Fields { get; } = new();

    public string Field(string valueType, string initializer)
    {
        if (!_byInitializer.TryGetValue(initializer, out var field))
        {
            field = new CodecField("s_codec" + Fields.Count.ToString(CultureInfo.InvariantCulture), $"{RuntimeTypes.JsonCodec}<{valueType}>", initializer);
            _byInitializer[initializer] = field;
            Fields.Add(field);
        }

        return field.Name;
    }
}
