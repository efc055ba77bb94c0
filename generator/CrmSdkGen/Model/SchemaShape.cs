namespace CrmSdkGen.Model;

/// <summary>What a schema becomes.</summary>
internal enum SchemaShape
{
    Object,
    Enum,
    Map,
    Array,
    Primitive,
    Any,
    Alias,
    Union,
    MultiType,
}
