using System.Globalization;
using System.Text.Json.Nodes;

namespace Quickstart;

/// <summary>
/// The contacts of the local CRM, with the indexes a CRM keeps for incremental reads: by id, by time of last change
/// (for updatedSince filters) and by change sequence (for delta tokens). A delete archives the contact, as HubSpot
/// does, so that incremental reads can report it as a tombstone.
/// </summary>
public sealed class ContactStore
{
    private readonly object _gate = new();
    private readonly Dictionary<long, Entry> _entries = new();
    private readonly SortedSet<(long Ticks, long Id)> _byModified = new();
    private readonly SortedDictionary<long, long> _bySequence = new();
    private readonly Dictionary<string, long> _idempotencyKeys = new(StringComparer.Ordinal);
    private long _nextId = 1;
    private long _sequence;

    /// <summary>The clock that stamps createdAt and updatedAt; tests stop it to make equal timestamps.</summary>
    public Func<DateTimeOffset> Clock { get; set; } = () => DateTimeOffset.UtcNow;

    /// <summary>Whether contacts carry their entity tag in "@etag", as Dataverse records carry "@odata.etag".</summary>
    public bool EntityTags { get; set; }

    /// <summary>The sequence number of the last change.</summary>
    public long Sequence
    {
        get
        {
            lock (_gate)
            {
                return _sequence;
            }
        }
    }

    /// <summary>Creates a contact from <paramref name="input"/>; a repeated idempotency key returns the contact it created.</summary>
    public JsonObject Create(JsonObject input, string? idempotencyKey = null)
    {
        lock (_gate)
        {
            if (idempotencyKey is not null && _idempotencyKeys.TryGetValue(idempotencyKey, out var existing))
            {
                return Copy(_entries[existing]);
            }

            var id = _nextId++;
            var now = Stamp();
            var contact = new JsonObject { ["id"] = id.ToString(CultureInfo.InvariantCulture), ["createdAt"] = now, ["updatedAt"] = now, ["archived"] = false };
            Merge(contact, input);
            var entry = new Entry(id, contact);
            _entries[id] = entry;
            Touch(entry, now);
            if (idempotencyKey is not null)
            {
                _idempotencyKeys[idempotencyKey] = id;
            }

            return Copy(entry);
        }
    }

    /// <summary>The live contact with this id, or null.</summary>
    public JsonObject? Get(string id)
    {
        lock (_gate)
        {
            return Live(id) is { } entry ? Copy(entry) : null;
        }
    }

    /// <summary>The entity tag of the live contact with this id, or null.</summary>
    public string? ETag(string id)
    {
        lock (_gate)
        {
            return Live(id) is { } entry ? TagOf(entry) : null;
        }
    }

    /// <summary>Merges <paramref name="patch"/> into the live contact (null clears a property); null when there is none.</summary>
    public JsonObject? Update(string id, JsonObject patch)
    {
        lock (_gate)
        {
            if (Live(id) is not { } entry)
            {
                return null;
            }

            Merge(entry.Json, patch);
            Touch(entry, Stamp());
            return Copy(entry);
        }
    }

    /// <summary>Archives the live contact; false when there is none.</summary>
    public bool Archive(string id)
    {
        lock (_gate)
        {
            if (Live(id) is not { } entry)
            {
                return false;
            }

            entry.Json["archived"] = true;
            Touch(entry, Stamp());
            return true;
        }
    }

    /// <summary>Every live contact, by id.</summary>
    public Dictionary<string, JsonObject> Snapshot()
    {
        lock (_gate)
        {
            return _entries.Values.Where(entry => !entry.Archived).ToDictionary(entry => entry.Key, Copy, StringComparer.Ordinal);
        }
    }

    /// <summary>Live contacts with an id above <paramref name="after"/>, in id order.</summary>
    public (List<JsonObject> Items, bool More) ListById(long after, int limit, Func<JsonObject, bool> filter)
    {
        lock (_gate)
        {
            var items = new List<JsonObject>();
            for (var id = after + 1; id < _nextId; id++)
            {
                if (_entries.TryGetValue(id, out var entry) && !entry.Archived && filter(entry.Json))
                {
                    if (items.Count == limit)
                    {
                        return (items, true);
                    }

                    items.Add(Copy(entry));
                }
            }

            return (items, false);
        }
    }

    /// <summary>
    /// Contacts, archived ones included, changed at or after <paramref name="since"/>, in (updatedAt, id) order from
    /// the position <paramref name="after"/> (exclusive, or inclusive to repeat it).
    /// </summary>
    public (List<JsonObject> Items, (long Ticks, long Id)? Next) ListChangedSince(DateTimeOffset since, (long Ticks, long Id)? after, bool repeatAfter, int limit)
    {
        lock (_gate)
        {
            var from = after ?? (since.UtcTicks, long.MinValue);
            var items = new List<JsonObject>();
            (long, long)? last = null;
            foreach (var position in _byModified.GetViewBetween(from, (long.MaxValue, long.MaxValue)))
            {
                if (after is { } cursor && position == cursor && !repeatAfter)
                {
                    continue;
                }

                if (items.Count == limit)
                {
                    return (items, last);
                }

                items.Add(Copy(_entries[position.Id]));
                last = position;
            }

            return (items, null);
        }
    }

    /// <summary>
    /// Changes after the sequence number <paramref name="after"/>: changed contacts whole, archived ones as tombstones
    /// ({"id": ..., "@removed": true}) — or, when <paramref name="liveOnly"/> (a first delta), live contacts only.
    /// </summary>
    public (List<JsonObject> Items, long Last, bool More) Changes(long after, int limit, bool liveOnly)
    {
        lock (_gate)
        {
            var items = new List<JsonObject>();
            var last = after;
            foreach (var (sequence, id) in _bySequence)
            {
                if (sequence <= after)
                {
                    continue;
                }

                if (items.Count == limit)
                {
                    return (items, last, true);
                }

                var entry = _entries[id];
                last = sequence;
                if (!entry.Archived)
                {
                    items.Add(Copy(entry));
                }
                else if (!liveOnly)
                {
                    items.Add(new JsonObject { ["id"] = entry.Key, ["@removed"] = true });
                }
            }

            return (items, _sequence, false);
        }
    }

    private Entry? Live(string id) =>
        long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var key) && _entries.TryGetValue(key, out var entry) && !entry.Archived ? entry : null;

    private string Stamp() => Clock().ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private void Touch(Entry entry, string updatedAt)
    {
        _byModified.Remove((entry.Ticks, entry.Id));
        _bySequence.Remove(entry.Sequence);
        entry.Json["updatedAt"] = updatedAt;
        entry.Ticks = DateTimeOffset.Parse(updatedAt, CultureInfo.InvariantCulture).UtcTicks;
        entry.Sequence = ++_sequence;
        _byModified.Add((entry.Ticks, entry.Id));
        _bySequence[entry.Sequence] = entry.Id;
    }

    private JsonObject Copy(Entry entry)
    {
        var copy = (JsonObject)entry.Json.DeepClone();
        if (EntityTags)
        {
            copy["@etag"] = TagOf(entry);
        }

        return copy;
    }

    private static string TagOf(Entry entry) => "\"" + entry.Sequence.ToString(CultureInfo.InvariantCulture) + "\"";

    private static void Merge(JsonObject target, JsonObject patch)
    {
        foreach (var (name, value) in patch)
        {
            if (name is not ("id" or "createdAt" or "updatedAt" or "@etag"))
            {
                target[name] = value?.DeepClone();
            }
        }
    }

    private sealed class Entry(long id, JsonObject json)
    {
        public long Id { get; } = id;

        public string Key { get; } = id.ToString(CultureInfo.InvariantCulture);

        public JsonObject Json { get; } = json;

        public long Ticks { get; set; }

        public long Sequence { get; set; }

        public bool Archived => (bool?)Json["archived"] == true;
    }
}
