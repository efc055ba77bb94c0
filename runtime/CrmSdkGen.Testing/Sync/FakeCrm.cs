using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;

namespace CrmSdkGen.Testing.Sync;

/// <summary>
/// The records of one CRM resource in memory, as the crash harness's adapter serves them: every change stamps the record
/// with the next version and a later <c>updatedAt</c>, and a delete archives it (a tombstone), as HubSpot does.
/// </summary>
internal sealed class FakeCrm
{
    private static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly object _gate = new();
    private readonly SortedDictionary<string, JsonObject> _records = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _createdByIdempotencyKey = new(StringComparer.Ordinal);
    private long _version;
    private int _nextId;

    /// <summary>The version of the last change: the change token a pull ends with.</summary>
    public long Version
    {
        get
        {
            lock (_gate)
            {
                return _version;
            }
        }
    }

    /// <summary>The live records (archived ones left out), by id.</summary>
    public IReadOnlyDictionary<string, JsonObject> Live()
    {
        lock (_gate)
        {
            return _records.Where(pair => !IsArchived(pair.Value)).ToDictionary(pair => pair.Key, pair => pair.Value.DeepClone().AsObject(), StringComparer.Ordinal);
        }
    }

    /// <summary>Every record, archived ones included, in the order of their last change.</summary>
    public IReadOnlyList<JsonObject> ByVersion()
    {
        lock (_gate)
        {
            return _records.Values.OrderBy(VersionOf).Select(record => record.DeepClone().AsObject()).ToList();
        }
    }

    /// <summary>Creates a record from its fields, once per idempotency key.</summary>
    public JsonObject Create(JsonObject fields, string? idempotencyKey = null)
    {
        lock (_gate)
        {
            if (idempotencyKey is not null && _createdByIdempotencyKey.TryGetValue(idempotencyKey, out var existing))
            {
                return _records[existing].DeepClone().AsObject();
            }

            var id = (++_nextId).ToString("D4", CultureInfo.InvariantCulture);
            var record = fields.DeepClone().AsObject();
            record["id"] = id;
            record["archived"] = false;
            _records[id] = Stamp(record);
            if (idempotencyKey is not null)
            {
                _createdByIdempotencyKey[idempotencyKey] = id;
            }

            return record.DeepClone().AsObject();
        }
    }

    /// <summary>Applies an RFC 7396 merge patch to a live record; null when there is none.</summary>
    public JsonObject? Update(string id, JsonObject changes)
    {
        lock (_gate)
        {
            if (!_records.TryGetValue(id, out var record) || IsArchived(record))
            {
                return null;
            }

            foreach (var (name, value) in changes)
            {
                if (name is "id" or "version" or "updatedAt" or "archived")
                {
                    continue;
                }

                if (value is null)
                {
                    record.Remove(name);
                }
                else
                {
                    record[name] = value.DeepClone();
                }
            }

            return Stamp(record).DeepClone().AsObject();
        }
    }

    /// <summary>Archives a live record; false when there is none.</summary>
    public bool Archive(string id)
    {
        lock (_gate)
        {
            if (!_records.TryGetValue(id, out var record) || IsArchived(record))
            {
                return false;
            }

            record["archived"] = true;
            Stamp(record);
            return true;
        }
    }

    /// <summary>What other users of the CRM do between two syncs: one record created, two edited, one archived.</summary>
    public void ChangeAsOthersWould(Random random)
    {
        Create(new JsonObject { ["email"] = $"other-{random.Next()}@example.com", ["name"] = "Other" });
        var live = Live().Keys.ToList();
        Update(live[random.Next(live.Count)], new JsonObject { ["name"] = "Edited " + random.Next(1000) });
        Update(live[random.Next(live.Count)], new JsonObject { ["name"] = "Edited " + random.Next(1000) });
        Archive(live[random.Next(live.Count)]);
    }

    public static long VersionOf(JsonObject record) => (long)record["version"]!;

    public static DateTimeOffset UpdatedAt(JsonObject record) => DateTimeOffset.Parse((string)record["updatedAt"]!, CultureInfo.InvariantCulture);

    public static bool IsArchived(JsonObject record) => (bool?)record["archived"] == true;

    // Each change is one second after the previous one, so watermarks never tie across syncs.
    private JsonObject Stamp(JsonObject record)
    {
        var version = ++_version;
        record["version"] = version;
        record["updatedAt"] = Epoch.AddSeconds(version).ToString("O", CultureInfo.InvariantCulture);
        return record;
    }
}
