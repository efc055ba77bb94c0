using System.Collections.Generic;

namespace CrmSdkGen.Runtime.Diff;

/// <summary>How drift is measured.</summary>
public sealed class DriftOptions
{
    /// <summary>
    /// Whether a numeric difference is divided by the larger magnitude of the two values, so every field's distance is
    /// between 0 and 1 and a revenue field does not outweigh a flag. Default false: the absolute difference.
    /// </summary>
    public bool NormaliseNumbers { get; set; }

    /// <summary>Field paths (JSON Pointers such as "/updatedAt") left out of the comparison.</summary>
    public ISet<string> IgnoredFields { get; } = new HashSet<string>(System.StringComparer.Ordinal);
}
