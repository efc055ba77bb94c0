using System.ComponentModel;

namespace CrmSdkGen.Runtime.Json;

/// <summary>
/// Which properties of a model were read or assigned. It separates "not set" from "set to null", so a PATCH body
/// carries exactly what the caller assigned.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct PropertySet
{
    private ulong _first;
    private ulong[]? _rest;

    /// <summary>Marks property <paramref name="index"/> as set.</summary>
    public void Mark(int index)
    {
        if (index < 64)
        {
            _first |= 1UL << index;
            return;
        }

        var slot = (index / 64) - 1;
        if (_rest is null || _rest.Length <= slot)
        {
            System.Array.Resize(ref _rest, slot + 1);
        }

        _rest[slot] |= 1UL << (index % 64);
    }

    /// <summary>Marks property <paramref name="index"/> as not set.</summary>
    public void Unmark(int index)
    {
        if (index < 64)
        {
            _first &= ~(1UL << index);
            return;
        }

        var slot = (index / 64) - 1;
        if (_rest is not null && slot < _rest.Length)
        {
            _rest[slot] &= ~(1UL << (index % 64));
        }
    }

    /// <summary>Whether no property is set.</summary>
    public readonly bool IsEmpty => Count == 0;

    /// <summary>How many properties are set.</summary>
    public readonly int Count
    {
        get
        {
            var count = System.Numerics.BitOperations.PopCount(_first);
            foreach (var word in _rest ?? System.Array.Empty<ulong>())
            {
                count += System.Numerics.BitOperations.PopCount(word);
            }

            return count;
        }
    }

    /// <summary>Whether property <paramref name="index"/> is set.</summary>
    public readonly bool Has(int index)
    {
        if (index < 64)
        {
            return (_first & (1UL << index)) != 0;
        }

        var slot = (index / 64) - 1;
        return _rest is not null && slot < _rest.Length && (_rest[slot] & (1UL << (index % 64))) != 0;
    }
}
