using System.ComponentModel;

namespace CrmSdkGen.Runtime.Json;

/// <summary>The JSON shape one alternative of a generated union accepts.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum UnionValueKind
{
    /// <summary>An object with declared properties.</summary>
    Object,
    /// <summary>An object with arbitrary keys.</summary>
    Map,
    /// <summary>An array.</summary>
    Array,
    /// <summary>A string.</summary>
    String,
    /// <summary>A string holding an RFC 3339 date-time.</summary>
    DateTime,
    /// <summary>A string holding an RFC 3339 full-date.</summary>
    Date,
    /// <summary>A string holding a UUID.</summary>
    Uuid,
    /// <summary>An integer.</summary>
    Integer,
    /// <summary>Any number.</summary>
    Number,
    /// <summary>true or false.</summary>
    Boolean,
    /// <summary>Any value.</summary>
    Any,
}
