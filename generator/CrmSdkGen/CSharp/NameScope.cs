using System;
using System.Collections.Generic;
using System.Globalization;

namespace CrmSdkGen.CSharp;

/// <summary>Hands out names that are unique within one scope (compared ignoring case, as file names are).</summary>
internal sealed class NameScope
{
    private readonly HashSet<string> _taken;

    public NameScope(IEnumerable<string>? reserved = null, bool ignoreCase = true)
    {
        _taken = new HashSet<string>(ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        if (reserved is not null)
        {
            _taken.UnionWith(reserved);
        }
    }

    /// <summary>Claims <paramref name="candidate"/> itself, if it is free.</summary>
    public bool TryClaim(string candidate) => _taken.Add(candidate);

    public string Claim(string candidate)
    {
        if (_taken.Add(candidate))
        {
            return candidate;
        }

        for (var suffix = 2; ; suffix++)
        {
            var next = candidate + suffix.ToString(CultureInfo.InvariantCulture);
            if (_taken.Add(next))
            {
                return next;
            }
        }
    }
}
