using System;
using System.Collections.Generic;
using System.Linq;

namespace CrmSdkGen.Model.Detection;

/// <summary>Looks up the operation an x-crmsdkgen-sync extension names: "METHOD path" or an operationId.</summary>
internal static class SyncOperations
{
    public static ApiOperation? Find(IReadOnlyDictionary<string, ApiOperation> byKey, string name)
    {
        var trimmed = name.Trim();
        var space = trimmed.IndexOf(' ');
        var key = space > 0 ? trimmed.Substring(0, space).ToUpperInvariant() + " " + trimmed.Substring(space + 1).Trim() : trimmed;
        return byKey.TryGetValue(key, out var operation)
            ? operation
            : byKey.Values.FirstOrDefault(candidate => string.Equals(candidate.OperationId, trimmed, StringComparison.Ordinal));
    }
}
