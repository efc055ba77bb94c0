using System.Globalization;
using System.Text.Json.Nodes;

namespace CrmSdkGen.EndToEnd.Tests.HubSpot;

/// <summary>
/// The records of one object type of a HubSpot-shaped CRM: numeric ids, string properties, a time of last change in
/// milliseconds that several records may share, and archiving instead of deleting.
/// </summary>
public sealed class CrmObjectStore
{
    private readonly object _gate = new();
    private readonly SortedDictionary<long, CrmObject> _objects = new();
    private long _nextId = 1000;
    private long _lastChange;

    public CrmObjectStore(string type)
    {
        Type = type;
        ModifiedProperty = type == "contacts" ? "lastmodifieddate" : "hs_lastmodifieddate";
    }

    public string Type { get; }

    /// <summary>The search property that holds the time of last change: lastmodifieddate for contacts, hs_lastmodifieddate otherwise.</summary>
    public string ModifiedProperty { get; }

    /// <summary>When set, every change is stamped with this instant, so that many records share one millisecond.</summary>
    public DateTimeOffset? FrozenClock { get; set; }

    public JsonObject Create(IReadOnlyDictionary<string, string?> properties)
    {
        lock (_gate)
        {
            var now = Tick();
            var created = new CrmObject(++_nextId, now) { Modified = now };
            Merge(created, properties);
            _objects[created.Id] = created;
            return ToJson(created);
        }
    }

    /// <summary>Merges properties into a live record; null when there is none with this id.</summary>
    public JsonObject? Update(long id, IReadOnlyDictionary<string, string?> properties)
    {
        lock (_gate)
        {
            if (!_objects.TryGetValue(id, out var found) || found.Archived)
            {
                return null;
            }

            Merge(found, properties);
            found.Modified = Tick();
            return ToJson(found);
        }
    }

    public bool Archive(long id)
    {
        lock (_gate)
        {
            if (!_objects.TryGetValue(id, out var found) || found.Archived)
            {
                return false;
            }

            found.Archived = true;
            found.Modified = Tick();
            found.ArchivedAt = found.Modified;
            return true;
        }
    }

    public bool IsLive(long id)
    {
        lock (_gate)
        {
            return _objects.TryGetValue(id, out var found) && !found.Archived;
        }
    }

    public JsonObject? Get(long id, bool archived = false)
    {
        lock (_gate)
        {
            return _objects.TryGetValue(id, out var found) && found.Archived == archived ? ToJson(found) : null;
        }
    }

    /// <summary>The records, archived or live, ordered by id, as (id, JSON, time of change in ms, properties).</summary>
    public List<(long Id, JsonObject Json, long Modified, IReadOnlyDictionary<string, string?> Properties)> List(bool archived)
    {
        lock (_gate)
        {
            return _objects.Values.Where(found => found.Archived == archived)
                .Select(found => (found.Id, ToJson(found), found.Modified.ToUnixTimeMilliseconds(), (IReadOnlyDictionary<string, string?>)SearchableProperties(found)))
                .ToList();
        }
    }

    /// <summary>The live records as JSON, by id.</summary>
    public Dictionary<string, JsonObject> Snapshot() =>
        List(archived: false).ToDictionary(entry => entry.Id.ToString(CultureInfo.InvariantCulture), entry => entry.Json);

    private DateTimeOffset Tick()
    {
        if (FrozenClock is { } frozen)
        {
            return frozen;
        }

        var now = Math.Max(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), _lastChange);
        _lastChange = now;
        return DateTimeOffset.FromUnixTimeMilliseconds(now);
    }

    private static void Merge(CrmObject target, IReadOnlyDictionary<string, string?> properties)
    {
        foreach (var (name, value) in properties)
        {
            target.Properties[name] = value;
        }
    }

    private Dictionary<string, string?> SearchableProperties(CrmObject found) => new(found.Properties)
    {
        ["hs_object_id"] = found.Id.ToString(CultureInfo.InvariantCulture),
        [ModifiedProperty] = found.Modified.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
        ["createdate"] = found.Created.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
    };

    private JsonObject ToJson(CrmObject found)
    {
        var properties = new JsonObject();
        foreach (var (name, value) in found.Properties.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            properties[name] = value;
        }

        properties["hs_object_id"] = found.Id.ToString(CultureInfo.InvariantCulture);
        properties[ModifiedProperty] = Instant(found.Modified);
        var json = new JsonObject
        {
            ["id"] = found.Id.ToString(CultureInfo.InvariantCulture),
            ["properties"] = properties,
            ["createdAt"] = Instant(found.Created),
            ["updatedAt"] = Instant(found.Modified),
            ["archived"] = found.Archived,
        };
        if (found.ArchivedAt is { } archivedAt)
        {
            json["archivedAt"] = Instant(archivedAt);
        }

        return json;
    }

    private static string Instant(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private sealed class CrmObject(long id, DateTimeOffset created)
    {
        public long Id { get; } = id;
        public DateTimeOffset Created { get; } = created;
        public DateTimeOffset Modified { get; set; }
        public DateTimeOffset? ArchivedAt { get; set; }
        public bool Archived { get; set; }
        public Dictionary<string, string?> Properties { get; } = new(StringComparer.Ordinal);
    }
}
