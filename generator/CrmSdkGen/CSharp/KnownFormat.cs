namespace CrmSdkGen.CSharp;

/// <summary>What one primitive type and format of a spec becomes in generated code.</summary>
/// <param name="TypeName">The C# type.</param>
/// <param name="Codec">The expression of the runtime codec that reads and writes it.</param>
/// <param name="IsValueType">Whether the C# type is a value type (nullable as <c>T?</c> of a struct).</param>
/// <param name="UnionKind">How a union tells a value of it apart (the runtime's <c>UnionValueKind</c> member).</param>
internal sealed record KnownFormat(string TypeName, string Codec, bool IsValueType, string UnionKind);
