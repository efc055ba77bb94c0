using System.Collections.Generic;
using System.ComponentModel;

namespace CrmSdkGen.Runtime.Json;

/// <summary>
/// The wire values a generated enumeration's spec lists. A set looked up once per check compiles far faster than a
/// pattern over hundreds of string constants (Stripe lists 600 time zones) and answers in constant time.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class KnownValues
{
    private readonly HashSet<string> _values;

    /// <summary>Creates the set of <paramref name="values"/>, compared ordinally.</summary>
    public KnownValues(string[] values) => _values = new HashSet<string>(values, System.StringComparer.Ordinal);

    /// <summary>Whether <paramref name="value"/> is one of the listed values.</summary>
    public bool Contains(string value) => _values.Contains(value);
}
