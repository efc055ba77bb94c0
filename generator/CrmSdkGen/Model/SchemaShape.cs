namespace CrmSdkGen.Model;

/// <summary>What a schema becomes.</summary>
internal enum SchemaShape
{
    Object,
    Enum,
    IntegerEnum,
    Map,
    Array,
    Primitive,
    Any,
    Alias,
    Union,
    MultiType,
}
