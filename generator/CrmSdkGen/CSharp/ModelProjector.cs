using System.Collections.Generic;
using System.Linq;
using CrmSdkGen.CSharp.TemplateModels;
using CrmSdkGen.Model;

namespace CrmSdkGen.CSharp;

/// <summary>Projects named schemas to the models of the Model and Enum templates.</summary>
internal sealed class ModelProjector
{
    private const string ModelBase = RuntimeTypes.ApiModel;

    // Members of ApiModel and object that a property must not hide.
    private static readonly string[] ReservedModelMembers =
    {
        "AdditionalProperties", "ReadJson", "WriteJson", "IsSet", "Assigned", "AdditionalPropertyCodec", "ReadObject", "IndexOfProperty", "ReadProperty",
        "CheckRequired", "WriteProperties", "Validate", "ValidateInto", "ValidateProperties", "ValidateCustom", "SetPropertyCount", "Changed", "MarkChanged", "Writes", "HasChanges", "IsChanged", "AcceptChanges", "WriteChangesJson", "GetType", "ToString", "Equals", "GetHashCode", "MemberwiseClone", "Finalize", "ReferenceEquals",
    };

    private static readonly string[] ReservedEnumMembers =
    {
        "Value", "IsKnown", "FromValue", "Equals", "GetHashCode", "ToString", "GetType", "ReferenceEquals", "PrintMembers", "Deconstruct",
    };

    private readonly TypeMapper _types;
    private readonly string _namespace;
    private readonly IReadOnlyDictionary<string, ApiSchema> _schemas;
    private readonly IReadOnlyDictionary<string, string> _simpleNames;
    private readonly Dictionary<string, List<string>> _propertyNames = new();
    private readonly ValidationProjector _validation;

    public ModelProjector(TypeMapper types, string modelNamespace, IReadOnlyDictionary<string, ApiSchema> schemas, IReadOnlyDictionary<string, string> simpleNames)
    {
        _types = types;
        _namespace = modelNamespace;
        _schemas = schemas;
        _simpleNames = simpleNames;
        _validation = new ValidationProjector(types, Lookup);
    }

    public ModelTemplateModel ProjectObject(ApiSchema schema, string name)
    {
        var codecs = new CodecTable();
        var chain = SchemaHierarchy.Chain(schema, Lookup);
        var inheritedCount = chain.Take(chain.Count - 1).Sum(ancestor => ancestor.Properties.Count);
        var model = new ModelTemplateModel
        {
            Namespace = _namespace,
            Name = name,
            Summary = schema.Description,
            Deprecated = schema.Deprecated,
            BaseType = schema.BaseId is { } baseId ? _types.Name(new ApiType(ApiTypeKind.Named, SchemaId: baseId)) : null,
            HasModelBase = schema.BaseId is not null,
            IndexOffset = inheritedCount,
        };
        var names = PropertyNames(schema);
        var fields = new NameScope(System.Array.Empty<string>(), ignoreCase: false);
        var index = inheritedCount;
        for (var i = 0; i < schema.Properties.Count; i++)
        {
            var property = schema.Properties[i];
            var propertyName = names[i];
            var nonNull = property.Required && !property.Type.Nullable;
            var isValueType = _types.IsValueType(property.Type);
            var isAny = property.Type.Kind == ApiTypeKind.Any;
            var acceptsNull = !nonNull && !isAny;
            var fieldMayBeNull = !isAny && (!isValueType || !nonNull);
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
                ReadMethod = !acceptsNull ? "ReadValue" : isValueType ? "ReadNullableValue" : "ReadNullableReference",
                WriteMethod = !fieldMayBeNull ? "WriteValue" : isValueType ? "WriteNullableValue" : "WriteNullableReference",
                Codec = _types.Codec(property.Type, codecs),
                ReadOnly = property.ReadOnly,
                Default = nonNull ? null : DefaultValue.Expression(property.Type, property.DefaultJson, _types),
            });
        }

        var additional = schema.AdditionalProperties ?? ApiType.Any;
        model.AdditionalType = _types.DeclaredName(additional, additional.Nullable);
        model.BaseType ??= additional.Kind == ApiTypeKind.Any ? ModelBase : $"{ModelBase}<{model.AdditionalType}>";
        model.AdditionalCodec = additional.Nullable && additional.Kind != ApiTypeKind.Any
            ? $"new {(_types.IsValueType(additional) ? RuntimeTypes.NullableValueCodec : RuntimeTypes.NullableReferenceCodec)}<{_types.Name(additional)}>({_types.Codec(additional, codecs)})"
            : _types.Codec(additional, codecs);
        if (model.AdditionalCodec.StartsWith("new ", System.StringComparison.Ordinal))
        {
            model.AdditionalCodec = codecs.Field(model.AdditionalType, model.AdditionalCodec);
        }

        model.Codecs = codecs.Fields;
        model.Validation = _validation.Project(schema, model.Properties, model.Patterns);
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
        var members = new NameScope(new[] { name, "Raw", "Value", "ReadJson", "WriteJson", "ClearVariants", "ValidateInto", "GetType", "ToString", "Equals", "GetHashCode" });
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
            projected.Validatable = type.Kind == ApiTypeKind.Named && schemas.TryGetValue(type.SchemaId!, out var validated) && validated.Kind is ApiSchemaKind.Object or ApiSchemaKind.Union;
            if (type.Kind == ApiTypeKind.Named && schemas.TryGetValue(type.SchemaId!, out var target) && target.Kind == ApiSchemaKind.Object)
            {
                projected.Known.AddRange(SchemaHierarchy.AllProperties(target, Lookup).Select(p => p.JsonName));
                projected.Required.AddRange(target.RequiredNames);
            }

            model.Variants.Add(projected);
        }

        // A discriminator that names no alternative's value cannot pick one; reading falls back to the best fit.
        if (model.Variants.TrueForAll(variant => variant.DiscriminatorValues.Count == 0))
        {
            model.Discriminator = null;
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

    private string UnionKind(ApiType type, IReadOnlyDictionary<string, ApiSchema> schemas) => KnownFormats.Of(type)?.UnionKind ?? type.Kind switch
    {
        ApiTypeKind.Named when schemas.TryGetValue(type.SchemaId!, out var target) => target.Kind switch
        {
            ApiSchemaKind.Enum => "String",
            ApiSchemaKind.IntegerEnum => "Integer",
            ApiSchemaKind.Union => "Any",
            _ => "Object",
        },
        ApiTypeKind.Array => "Array",
        ApiTypeKind.Map => "Map",
        _ => "Any",
    };

    /// <summary>The C# name of the property with <paramref name="jsonName"/> in the schema or its bases.</summary>
    public string? PropertyName(string schemaId, string jsonName)
    {
        if (Lookup(schemaId) is not { Kind: ApiSchemaKind.Object } schema)
        {
            return null;
        }

        foreach (var member in SchemaHierarchy.Chain(schema, Lookup))
        {
            for (var i = 0; i < member.Properties.Count; i++)
            {
                if (member.Properties[i].JsonName == jsonName)
                {
                    return PropertyNames(member)[i];
                }
            }
        }

        return null;
    }

    private ApiSchema? Lookup(string id) => _schemas.TryGetValue(id, out var schema) ? schema : null;

    // The C# names of a schema's own properties. They avoid the names its bases use, so a derived class never hides
    // an inherited property, and each base's names come out the same whichever class asks first.
    private List<string> PropertyNames(ApiSchema schema)
    {
        if (_propertyNames.TryGetValue(schema.Id, out var known))
        {
            return known;
        }

        var members = new NameScope(ReservedModelMembers);
        foreach (var ancestor in SchemaHierarchy.Chain(schema, Lookup).Where(ancestor => ancestor.Id != schema.Id))
        {
            foreach (var inherited in PropertyNames(ancestor))
            {
                members.Claim(inherited);
            }
        }

        members.Claim(_simpleNames[schema.Id]);
        var names = schema.Properties.Select(property => members.Claim(Identifier.Pascal(property.MemberName ?? property.JsonName, "Property"))).ToList();
        _propertyNames[schema.Id] = names;
        return names;
    }

    public static IEnumerable<string> ReservedTypeNames => new[] { "System", "Microsoft", "CrmSdkGen", "Global" };
}
