namespace CrmSdkGen.Runtime.Diff;

/// <summary>The drift of one field over all matched records.</summary>
/// <param name="Path">The field, as a JSON Pointer ("/address/city").</param>
/// <param name="Compared">How many records had the field on either side.</param>
/// <param name="Total">The sum of the distances.</param>
public sealed record FieldDrift(string Path, int Compared, double Total)
{
    /// <summary>The mean distance of the field.</summary>
    public double Mean => Compared == 0 ? 0 : Total / Compared;
}
