namespace CrmSdkGen.Runtime.Json;

/// <summary>
/// A generated enumeration backed by its wire string. Values the spec did not list are kept as they are,
/// so a picklist value added by the CRM round-trips instead of failing.
/// </summary>
/// <typeparam name="TSelf">The enumeration type.</typeparam>
public interface IStringEnum<TSelf>
    where TSelf : struct, IStringEnum<TSelf>
{
    /// <summary>The value as it appears on the wire.</summary>
    string Value { get; }

    /// <summary>Whether the value is one the spec lists.</summary>
    bool IsKnown { get; }

    /// <summary>Creates the enumeration value for a wire string.</summary>
    static abstract TSelf FromValue(string value);
}
