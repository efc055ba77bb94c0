using System.Collections.Generic;
using System.Linq;
using CrmSdkGen.CSharp.Emit;
using CrmSdkGen.Model;

namespace CrmSdkGen.CSharp;

/// <summary>Projects named schemas to the models of the Model and Enum templates.</summary>
internal sealed class ModelProjector
{
    private static readonly string[] ReservedModelMembers =
    {
        "AdditionalProperties", "ReadJson", "WriteJson", "IsSet", "GetType", "ToString", "Equals", "GetHashCode", "MemberwiseClone", "Finalize", "ReferenceEquals",
    };

    private static readonly string[] ReservedEnumMembers =
    {
        "Value", "IsKnown", "FromValue", "Equals", "GetHashCode", "ToString", "GetType", "ReferenceEquals",
    };

    private readonly TypeMapper _types;
    private readonly string _namespace;

    public ModelProjector(TypeMapper types, string modelNamespace)
    {
        _types = types;
        _namespace = modelNamespace;
    }

    public ModelTemplateModel ProjectObject(ApiSchema schema, string name)
    {
        var codecs = new CodecTable();
        var model = new ModelTemplateModel
        {
            Namespace = _namespace,
            Name = name,
            Summary = schema.Description,
            Deprecated = schema.Deprecated,
        };
        var members = new NameScope(ReservedModelMembers);
        members.Claim(name);
        var fields = new NameScope(new[] { "_set", "_additionalProperties" }, ignoreCase: false);
        var index = 0;
        foreach (var property in schema.Properties)
        {
            var propertyName = members.Claim(Identifier.Pascal(property.JsonName, "Property"));
            var nonNull = property.Required && !property.Type.Nullable;
            var isValueType = _types.IsValueType(property.Type);
            var isAny = property.Type.Kind == ApiTypeKind.Any;
            model.Properties.Add(new PropertyTemplateModel
            {
                Name = propertyName,
                Field = fields.Claim("_" + Identifier.Camel(propertyName).TrimStart('@')),
                JsonName = property.JsonName,
                Summary = property.Description,
                Deprecated = property.Deprecated,
                Index = index++,
                Type = _types.DeclaredName(property.Type, !nonNull),
                FieldType = isValueType ? _types.DeclaredName(property.Type, !nonNull) : _types.Name(property.Type) + "?",
                AssertNotNull = nonNull && !isValueType,
                MustBePresent = property.Required && !property.WriteOnly,
                AcceptsNull = !nonNull && !isAny,
                FieldMayBeNull = !isAny && (!isValueType || !nonNull),
                ValueSuffix = isValueType && !nonNull && !isAny ? ".Value" : string.Empty,
                Codec = _types.Codec(property.Type, codecs),
                ReadOnly = property.ReadOnly,
            });
        }

        var additional = schema.AdditionalProperties ?? ApiType.Any;
        model.AdditionalType = _types.DeclaredName(additional, additional.Nullable);
        model.AdditionalCodec = additional.Nullable && additional.Kind != ApiTypeKind.Any
            ? $"new global::CrmSdkGen.Runtime.Json.{(_types.IsValueType(additional) ? "NullableValueCodec" : "NullableReferenceCodec")}<{_types.Name(additional)}>({_types.Codec(additional, codecs)})"
            : _types.Codec(additional, codecs);
        if (model.AdditionalCodec.StartsWith("new ", System.StringComparison.Ordinal))
        {
            model.AdditionalCodec = codecs.Field(model.AdditionalType, model.AdditionalCodec);
        }

        model.Codecs = codecs.Fields;
        return model;
    }

    public EnumTemplateModel ProjectEnum(ApiSchema schema, string name)
    {
        var model = new EnumTemplateModel { Namespace = _namespace, Name = name, Summary = schema.Description, Deprecated = schema.Deprecated };
        var members = new NameScope(ReservedEnumMembers);
        members.Claim(name);
        foreach (var value in schema.EnumValues)
        {
            model.Members.Add(new EnumMemberTemplateModel { Name = members.Claim(Identifier.Pascal(value, "Empty")), Value = value });
        }

        return model;
    }

    public EnumTemplateModel ProjectIntegerEnum(ApiSchema schema, string name)
    {
        var model = new EnumTemplateModel { Namespace = _namespace, Name = name, Summary = schema.Description, Deprecated = schema.Deprecated };
        var members = new NameScope(new[] { name });
        for (var i = 0; i < schema.EnumValues.Count; i++)
        {
            var value = schema.EnumValues[i];
            var preferred = i < schema.EnumNames.Count && schema.EnumNames[i].Length > 0 ? schema.EnumNames[i] : "Value" + value.Replace("-", "Minus");
            model.Members.Add(new EnumMemberTemplateModel { Name = members.Claim(Identifier.Pascal(preferred, "Value" + value)), Value = value });
        }

        return model;
    }

    public UnionTemplateModel ProjectUnion(ApiSchema schema, string name, IReadOnlyDictionary<string, ApiSchema> schemas)
    {
        var codecs = new CodecTable();
        var model = new UnionTemplateModel { Namespace = _namespace, Name = name, Summary = schema.Description, Deprecated = schema.Deprecated, Discriminator = schema.Discriminator };
        var members = new NameScope(new[] { name, "Raw", "Value", "ReadJson", "WriteJson", "ClearVariants", "GetType", "ToString", "Equals", "GetHashCode" });
        var fields = new NameScope(new[] { "_raw" }, ignoreCase: false);
        var implicitTypes = new HashSet<string>();
        var index = 0;
        foreach (var variant in schema.Variants)
        {
            var type = variant.Type with { Nullable = false };
            var typeName = _types.Name(type);
            var property = members.Claim(VariantName(type, typeName));
            var isValueType = _types.IsValueType(type);
            var projected = new UnionVariantTemplateModel
            {
                Index = index++,
                Property = property,
                Field = fields.Claim("_" + Identifier.Camel(property).TrimStart('@')),
                Type = typeName,
                ValueSuffix = isValueType ? ".Value" : string.Empty,
                Codec = _types.Codec(type, codecs),
                Kind = UnionKind(type, schemas),
                Implicit = !typeName.StartsWith("global::System.Collections.Generic.I", System.StringComparison.Ordinal) && type.Kind != ApiTypeKind.Any && implicitTypes.Add(typeName),
            };
            projected.DiscriminatorValues.AddRange(variant.DiscriminatorValues);
            if (type.Kind == ApiTypeKind.Named && schemas.TryGetValue(type.SchemaId!, out var target) && target.Kind == ApiSchemaKind.Object)
            {
                projected.Known.AddRange(target.Properties.Select(p => p.JsonName));
                projected.Required.AddRange(target.RequiredNames);
            }

            model.Variants.Add(projected);
        }

        model.Codecs = codecs.Fields;
        return model;
    }

    private static string VariantName(ApiType type, string typeName)
    {
        var simple = typeName.Substring(typeName.LastIndexOf('.') + 1);
        return type.Kind switch
        {
            ApiTypeKind.Named => simple,
            ApiTypeKind.Array => "List",
            ApiTypeKind.Map => "Dictionary",
            ApiTypeKind.Any => "Json",
            ApiTypeKind.String when typeName == "string" => "String",
            ApiTypeKind.Binary => "File",
            ApiTypeKind.String when typeName == "byte[]" => "Bytes",
            _ => Identifier.Pascal(simple),
        };
    }

    private string UnionKind(ApiType type, IReadOnlyDictionary<string, ApiSchema> schemas) => type.Kind switch
    {
        ApiTypeKind.Named when schemas.TryGetValue(type.SchemaId!, out var target) => target.Kind switch
        {
            ApiSchemaKind.Enum => "String",
            ApiSchemaKind.IntegerEnum => "Integer",
            ApiSchemaKind.Union => "Any",
            _ => "Object",
        },
        ApiTypeKind.String => type.Format switch
        {
            "date-time" => "DateTime",
            "date" => "Date",
            "uuid" => "Uuid",
            _ => "String",
        },
        ApiTypeKind.Binary => "String",
        ApiTypeKind.Integer => "Integer",
        ApiTypeKind.Number => "Number",
        ApiTypeKind.Boolean => "Boolean",
        ApiTypeKind.Array => "Array",
        ApiTypeKind.Map => "Map",
        _ => "Any",
    };

    public static IEnumerable<string> ReservedTypeNames => new[] { "System", "Microsoft", "CrmSdkGen", "Global" };
}
