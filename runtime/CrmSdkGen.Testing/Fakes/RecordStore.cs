using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace CrmSdkGen.Testing.Fakes;

/// <summary>
/// The records of a stateful fake, by collection path (<c>/contacts</c>): created from the request body and the least
/// the item schema requires, given an id and timestamps, merged on PATCH, replaced on PUT, removed on DELETE.
/// </summary>
internal sealed class RecordStore
{
    private readonly Dictionary<string, List<JsonObject>> _collections = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private long _nextId = 1000;

    public RecordStore(TimeProvider time) => _time = time;

    public IReadOnlyList<JsonObject> All(string collection) =>
        _collections.TryGetValue(collection, out var records) ? records.Select(record => (JsonObject)record.DeepClone()).ToList() : Array.Empty<JsonObject>();

    public JsonObject Create(string collection, JsonObject? body, IOpenApiSchema? itemSchema, string idProperty)
    {
        var record = itemSchema is not null && SampleData.Least(itemSchema) is JsonObject least ? least : new JsonObject();
        foreach (var (name, value) in body ?? new JsonObject())
        {
            record[name] = value?.DeepClone();
        }

        if (body?[idProperty] is null)
        {
            record[idProperty] = NewId(itemSchema?.Properties?.TryGetValue(idProperty, out var idSchema) == true ? idSchema : null);
        }

        Stamp(record, itemSchema, created: true);
        Records(collection).Add(record);
        return (JsonObject)record.DeepClone();
    }

    public void Add(string collection, JsonObject record) => Records(collection).Add((JsonObject)record.DeepClone());

    public JsonObject? Read(string collection, string idProperty, string id) => Find(collection, idProperty, id)?.DeepClone() as JsonObject;

    public JsonObject? Update(string collection, string idProperty, string id, JsonObject? body, IOpenApiSchema? itemSchema, bool replace)
    {
        var record = Find(collection, idProperty, id);
        if (record is null)
        {
            return null;
        }

        if (replace)
        {
            var keep = record.Where(pair => pair.Key == idProperty || IsStamp(pair.Key, itemSchema)).Select(pair => (pair.Key, Value: pair.Value?.DeepClone())).ToList();
            record.Clear();
            foreach (var (name, value) in keep)
            {
                record[name] = value;
            }
        }

        Merge(record, body ?? new JsonObject(), itemSchema);
        record[idProperty] = record[idProperty] ?? JsonValue.Create(id);
        Stamp(record, itemSchema, created: false);
        return (JsonObject)record.DeepClone();
    }

    public bool Delete(string collection, string idProperty, string id)
    {
        var record = Find(collection, idProperty, id);
        return record is not null && Records(collection).Remove(record);
    }

    private List<JsonObject> Records(string collection)
    {
        if (!_collections.TryGetValue(collection, out var records))
        {
            _collections[collection] = records = new List<JsonObject>();
        }

        return records;
    }

    private JsonObject? Find(string collection, string idProperty, string id) =>
        _collections.TryGetValue(collection, out var records) ? records.FirstOrDefault(record => IdText(record[idProperty]) == id) : null;

    private static string? IdText(JsonNode? value) => value is JsonValue scalar && scalar.TryGetValue<string>(out var text) ? text : value?.ToJsonString();

    // RFC 7396 merge: members replace, objects merge, null clears (kept as null where the schema allows it).
    private static void Merge(JsonObject target, JsonObject patch, IOpenApiSchema? schema)
    {
        foreach (var (name, value) in patch.ToList())
        {
            var property = schema?.Properties?.TryGetValue(name, out var declared) == true ? declared : null;
            if (value is null)
            {
                if (property?.Type is { } type && type.HasFlag(JsonSchemaType.Null))
                {
                    target[name] = null;
                }
                else
                {
                    target.Remove(name);
                }
            }
            else if (value is JsonObject nested && target[name] is JsonObject existing)
            {
                Merge(existing, nested, property);
            }
            else
            {
                target[name] = value.DeepClone();
            }
        }
    }

    private JsonNode NewId(IOpenApiSchema? schema)
    {
        var next = _nextId++;
        if (schema?.Type is { } type && type.HasFlag(JsonSchemaType.Integer))
        {
            return JsonValue.Create(next);
        }

        return JsonValue.Create(schema?.Format == "uuid" ? new Guid((int)next, 0, 0, new byte[8]).ToString() : next.ToString(CultureInfo.InvariantCulture));
    }

    // Date-time members named for creation or change carry the fake's clock, so that incremental reads see changes.
    private void Stamp(JsonObject record, IOpenApiSchema? schema, bool created)
    {
        var now = _time.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fffK", CultureInfo.InvariantCulture);
        foreach (var (name, property) in schema?.Properties ?? new Dictionary<string, IOpenApiSchema>())
        {
            if (property.Format != "date-time")
            {
                continue;
            }

            var lower = name.ToLowerInvariant();
            if (lower.Contains("updated") || lower.Contains("modified") || lower.Contains("changed") || created && lower.Contains("created"))
            {
                record[name] = now;
            }
        }
    }

    private static bool IsStamp(string name, IOpenApiSchema? schema) =>
        schema?.Properties?.TryGetValue(name, out var property) == true && property.Format == "date-time" && name.ToLowerInvariant().Contains("created");
}
