namespace CrmSdkGen.Model;

/// <summary>
/// A proposed name for a schema's type and how firmly the spec states it. Where identical inline schemas share one
/// type, the lowest rank names it; where different schemas want the same name, the lowest rank claims it first.
/// </summary>
/// <param name="Text">The name, not yet a C# identifier.</param>
/// <param name="Rank">See the constants: the spec's own words rank before names made up from where a schema is used.</param>
internal readonly record struct NameHint(string Text, int Rank)
{
    /// <summary><c>x-crmsdkgen-name</c> on the schema.</summary>
    public const int Extension = 0;

    /// <summary>The key of a schema in components/schemas.</summary>
    public const int Component = 1;

    /// <summary>The schema's <c>title</c>.</summary>
    public const int Title = 2;

    /// <summary>The record of a top-level resource (a person of <c>/persons</c>); each enclosing path parameter adds one.</summary>
    public const int Resource = 10;

    /// <summary>Where the schema is first used: operation id, property and position.</summary>
    public const int FirstUse = 50;

    /// <summary>Added for each step a name is derived from another (a property's schema named after its object), so that the shallower derivation wins.</summary>
    public const int Derived = 100;

    public static implicit operator NameHint(string text) => new(text, FirstUse);

    public static NameHint operator +(NameHint hint, string suffix) =>
        new(hint.Text + suffix, hint.Rank + Derived);
}
