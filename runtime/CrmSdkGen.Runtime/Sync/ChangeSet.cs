using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using CrmSdkGen.Runtime.Diff;
using CrmSdkGen.Runtime.Json;

namespace CrmSdkGen.Runtime.Sync;

/// <summary>
/// ΔS: what turns one state of a set of records into the next, S(t+1) = S(t) + ΔS(t). Change sets compose: applying
/// <c>first.Then(second)</c> gives what applying <c>first</c> and then <c>second</c> gives, at most one change per record.
/// </summary>
public sealed class ChangeSet
{
    private readonly List<RecordChange> _changes;

    /// <summary>Creates a change set; a key may appear once.</summary>
    public ChangeSet(IEnumerable<RecordChange> changes)
    {
        _changes = changes.ToList();
        if (_changes.Select(change => change.Key).Distinct(StringComparer.Ordinal).Count() != _changes.Count)
        {
            throw new ArgumentException("A change set holds at most one change per record.", nameof(changes));
        }
    }

    /// <summary>No change.</summary>
    public static ChangeSet Empty { get; } = new(Array.Empty<RecordChange>());

    /// <summary>The changes, one per record.</summary>
    public IReadOnlyList<RecordChange> Changes => _changes;

    /// <summary>The records created.</summary>
    public int CreatedCount => _changes.Count(change => change.Kind == ChangeKind.Created);

    /// <summary>The records updated.</summary>
    public int UpdatedCount => _changes.Count(change => change.Kind == ChangeKind.Updated);

    /// <summary>The records deleted.</summary>
    public int DeletedCount => _changes.Count(change => change.Kind == ChangeKind.Deleted);

    /// <summary>The change set that turns <paramref name="before"/> into <paramref name="after"/>, both keyed records.</summary>
    public static ChangeSet Between(IReadOnlyDictionary<string, JsonElement> before, IReadOnlyDictionary<string, JsonElement> after, JsonDiffOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var changes = new List<RecordChange>();
        foreach (var (key, record) in after)
        {
            if (!before.TryGetValue(key, out var previous))
            {
                changes.Add(RecordChange.Created(key, record));
            }
            else if (JsonDiff.Patch(previous, record, options) is { Count: > 0 } patch)
            {
                changes.Add(RecordChange.Updated(key, patch));
            }
        }

        changes.AddRange(before.Keys.Where(key => !after.ContainsKey(key)).Select(RecordChange.Deleted));
        return new ChangeSet(changes);
    }

    /// <summary>One change set with the effect of this one followed by <paramref name="next"/>.</summary>
    public ChangeSet Then(ChangeSet next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var byKey = _changes.ToDictionary(change => change.Key, StringComparer.Ordinal);
        var order = _changes.Select(change => change.Key).ToList();
        foreach (var change in next._changes)
        {
            if (!byKey.TryGetValue(change.Key, out var earlier))
            {
                byKey[change.Key] = change;
                order.Add(change.Key);
                continue;
            }

            if (Compose(earlier, change) is { } composed)
            {
                byKey[change.Key] = composed;
            }
            else
            {
                byKey.Remove(change.Key);
            }
        }

        return new ChangeSet(order.Where(byKey.ContainsKey).Select(key => byKey[key]));
    }

    /// <summary>Applies the changes to keyed records, in place: S + ΔS.</summary>
    /// <exception cref="InvalidOperationException">An update or delete names a record the state does not hold.</exception>
    public void ApplyTo(IDictionary<string, JsonNode?> state)
    {
        ArgumentNullException.ThrowIfNull(state);
        foreach (var change in _changes)
        {
            switch (change.Kind)
            {
                case ChangeKind.Created:
                    state[change.Key] = JsonNode.Parse(change.Record!.Value.GetRawText());
                    break;
                case ChangeKind.Updated:
                    state[change.Key] = JsonPatchApplier.Apply(state.TryGetValue(change.Key, out var record) ? record : throw Missing(change), change.Patch);
                    break;
                default:
                    if (!state.Remove(change.Key))
                    {
                        throw Missing(change);
                    }

                    break;
            }
        }
    }

    // Created then updated is created with the update applied; created then deleted never happened; updates
    // accumulate; anything then deleted is deleted; anything then created is the new record.
    private static RecordChange? Compose(RecordChange first, RecordChange second) => (first.Kind, second.Kind) switch
    {
        (ChangeKind.Created, ChangeKind.Updated) => RecordChange.Created(first.Key, Patched(first.Record!.Value, second.Patch)),
        (ChangeKind.Created, ChangeKind.Deleted) => null,
        (ChangeKind.Updated, ChangeKind.Updated) => RecordChange.Updated(first.Key, first.Patch.Concat(second.Patch).ToList()),
        (_, ChangeKind.Deleted) => RecordChange.Deleted(first.Key),
        (_, ChangeKind.Created) => second,
        _ => throw new InvalidOperationException($"Record '{first.Key}' is updated after it was deleted."),
    };

    private static JsonElement Patched(JsonElement record, IReadOnlyList<JsonPatchOperation> patch)
    {
        return JsonElements.FromNode(JsonPatchApplier.Apply(JsonNode.Parse(record.GetRawText()), patch));
    }

    private static InvalidOperationException Missing(RecordChange change) => new($"The {change.Kind} change names record '{change.Key}', which the state does not hold.");
}
