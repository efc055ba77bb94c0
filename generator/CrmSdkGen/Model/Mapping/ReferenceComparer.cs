using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.OpenApi;

namespace CrmSdkGen.Model.Mapping;

/// <summary>Compares schema objects by identity: two equal-looking copies in a spec are still two places.</summary>
internal sealed class ReferenceComparer : IEqualityComparer<IOpenApiSchema>
{
    public static ReferenceComparer Instance { get; } = new();

    public bool Equals(IOpenApiSchema? x, IOpenApiSchema? y) => ReferenceEquals(x, y);

    public int GetHashCode(IOpenApiSchema obj) => RuntimeHelpers.GetHashCode(obj);
}
