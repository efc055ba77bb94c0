using System;

namespace CrmSdkGen.Runtime.Diff;

/// <summary>
/// A JSON Patch that cannot be applied: malformed (not an array of operations, an unknown op, a member missing, a JSON
/// Pointer that is not one), or an operation that fails (a location that does not exist, a <c>test</c> that does not
/// hold). No part of the patch is applied.
/// </summary>
public sealed class JsonPatchException : InvalidOperationException
{
    /// <summary>A failure of the operation at <paramref name="operationIndex"/> (-1 for the patch as a whole).</summary>
    public JsonPatchException(int operationIndex, string? op, string? pointer, string problem)
        : base(operationIndex < 0 ? $"The JSON Patch {problem}." : $"Operation {operationIndex} ({op ?? "no op"}) of the JSON Patch{(pointer is null ? string.Empty : " at '" + pointer + "'")} {problem}.")
    {
        (OperationIndex, Op, Pointer) = (operationIndex, op, pointer);
    }

    /// <summary>The index of the failing operation in the patch; -1 when the patch as a whole is malformed.</summary>
    public int OperationIndex { get; }

    /// <summary>The failing operation's <c>op</c>, when it has one.</summary>
    public string? Op { get; }

    /// <summary>The JSON Pointer at fault (the operation's <c>path</c>, or <c>from</c> where that is the one).</summary>
    public string? Pointer { get; }
}
