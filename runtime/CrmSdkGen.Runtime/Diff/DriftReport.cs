using System.Collections.Generic;

namespace CrmSdkGen.Runtime.Diff;

/// <summary>
/// How far two copies of the same records have drifted apart: V = (1/n) Σ |X_i − Y_i| over the n fields compared in
/// records present in both copies, per field and overall, with every field that differs.
/// </summary>
public sealed class DriftReport
{
    internal DriftReport(double overall, int compared, int matchedRecords, IReadOnlyList<FieldDrift> fields, IReadOnlyList<FieldDifference> differences, IReadOnlyList<string> onlyInLeft, IReadOnlyList<string> onlyInRight)
    {
        Overall = overall;
        ComparedFields = compared;
        MatchedRecords = matchedRecords;
        Fields = fields;
        Differences = differences;
        OnlyInLeft = onlyInLeft;
        OnlyInRight = onlyInRight;
    }

    /// <summary>V: the mean distance over every compared field of every matched record; 0 when nothing was compared.</summary>
    public double Overall { get; }

    /// <summary>n: how many field values were compared.</summary>
    public int ComparedFields { get; }

    /// <summary>How many records were present in both copies.</summary>
    public int MatchedRecords { get; }

    /// <summary>The drift of each field path, in the order the fields were first seen.</summary>
    public IReadOnlyList<FieldDrift> Fields { get; }

    /// <summary>Every field value that differs, with both sides.</summary>
    public IReadOnlyList<FieldDifference> Differences { get; }

    /// <summary>Keys of records only the left copy has.</summary>
    public IReadOnlyList<string> OnlyInLeft { get; }

    /// <summary>Keys of records only the right copy has.</summary>
    public IReadOnlyList<string> OnlyInRight { get; }
}
