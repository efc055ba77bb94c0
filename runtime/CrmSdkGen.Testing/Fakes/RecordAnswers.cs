using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace CrmSdkGen.Testing.Fakes;

/// <summary>The answers of a stateful fake's record operations, from and to its <see cref="RecordStore"/>.</summary>
internal sealed class RecordAnswers
{
    private readonly Dictionary<FakeOperation, (RecordKind Kind, string Collection)> _kinds;
    private readonly Dictionary<string, IOpenApiSchema?> _itemSchemas = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _itemParameters = new(StringComparer.Ordinal);

    public RecordAnswers(IReadOnlyList<FakeOperation> operations, RecordStore store)
    {
        Store = store;
        _kinds = RecordRoutes.Classify(operations);
        foreach (var group in _kinds.GroupBy(pair => pair.Value.Collection, pair => (Operation: pair.Key, pair.Value.Kind)))
        {
            IOpenApiSchema? Of(RecordKind kind) => group.Where(entry => entry.Kind == kind).Select(entry => SpecAnswers.SuccessSchema(entry.Operation)).FirstOrDefault(schema => schema is not null);
            _itemSchemas[group.Key] = Of(RecordKind.Read) ?? Of(RecordKind.Update) ?? Of(RecordKind.Create)
                ?? group.Where(entry => entry.Kind == RecordKind.Create).Select(entry => SpecAnswers.BodySchema(entry.Operation)).FirstOrDefault(schema => schema is not null);
            var item = group.Select(entry => entry.Operation.PathTemplate).FirstOrDefault(template => RecordRoutes.ItemCollection(template) is not null);
            _itemParameters[group.Key] = item is null ? "id" : RecordRoutes.ItemParameter(item);
        }
    }

    public RecordStore Store { get; }

    /// <summary>The answer of a record operation, or null when the operation keeps no records.</summary>
    public FakeResponse? Answer(FakeOperation operation, FakeRequest request)
    {
        if (!_kinds.TryGetValue(operation, out var route))
        {
            return null;
        }

        var schema = _itemSchemas[route.Collection];
        var idProperty = IdProperty(schema, _itemParameters[route.Collection]);
        var success = SpecAnswers.SuccessStatus(operation);
        var collection = Fill(route.Collection, request.PathValues);
        if (route.Kind is RecordKind.Create or RecordKind.List)
        {
            return route.Kind == RecordKind.Create
                ? FakeResponse.Json(success, Store.Create(collection, request.Body as JsonObject, schema, idProperty))
                : FakeResponse.Json(success, Listing(operation, Store.All(collection), request));
        }

        if (route.Kind is RecordKind.BatchCreate or RecordKind.BatchRead or RecordKind.BatchUpdate or RecordKind.BatchDelete)
        {
            return Batch(operation, route.Kind, collection, request.Body, schema, idProperty, success);
        }

        var id = request.PathValues[_itemParameters[route.Collection]];
        var found = route.Kind switch
        {
            RecordKind.Read => Store.Read(collection, idProperty, id),
            RecordKind.Update => Store.Update(collection, idProperty, id, request.Body as JsonObject, schema, replace: false),
            RecordKind.Replace => Store.Update(collection, idProperty, id, request.Body as JsonObject, schema, replace: true),
            _ => Store.Delete(collection, idProperty, id) ? new JsonObject() : null,
        };
        if (found is null)
        {
            return SpecAnswers.Error(operation, 404, $"No record at {request.Path}.");
        }

        return route.Kind == RecordKind.Delete ? FakeResponse.Empty(success == 200 ? 204 : success) : FakeResponse.Json(success, found);
    }

    // Each input as its single-record operation would take it, the results in the envelope's array (HubSpot's batch shape).
    private FakeResponse Batch(FakeOperation operation, RecordKind kind, string collection, JsonNode? body, IOpenApiSchema? schema, string idProperty, int success)
    {
        var results = new List<JsonObject>();
        foreach (var input in (body?["inputs"] as JsonArray ?? new JsonArray()).OfType<JsonObject>())
        {
            var id = input[idProperty] is JsonValue value ? value.ToString() : input["id"]?.ToString();
            // The input less its id, merged as PATCH merges: HubSpot's nested 'properties' land in the record's own.
            var fields = Without(Without((JsonObject)input.DeepClone(), idProperty), "id");
            if (kind == RecordKind.BatchDelete)
            {
                if (id is not null)
                {
                    Store.Delete(collection, idProperty, id);
                }

                continue;
            }

            var result = kind switch
            {
                RecordKind.BatchCreate => Store.Create(collection, fields, schema, idProperty),
                RecordKind.BatchRead => id is null ? null : Store.Read(collection, idProperty, id),
                _ => id is null ? null : Store.Update(collection, idProperty, id, fields, schema, replace: false),
            };
            if (result is not null)
            {
                results.Add(result);
            }
        }

        if (kind == RecordKind.BatchDelete)
        {
            return FakeResponse.Empty(success == 200 ? 204 : success);
        }

        return FakeResponse.Json(success, Listing(operation, results, request: null));
    }

    // The collection's template with the request's path values: '/crm/v3/objects/{objectType}' as '/crm/v3/objects/contacts'.
    private static string Fill(string template, IReadOnlyDictionary<string, string> values)
    {
        foreach (var (name, value) in values)
        {
            template = template.Replace("{" + name + "}", value, StringComparison.Ordinal);
        }

        return template;
    }

    private static JsonObject Without(JsonObject value, string name)
    {
        value.Remove(name);
        return value;
    }

    // Every record on one page: the envelope's required members, with its array of records filled and no next cursor.
    private static JsonNode Listing(FakeOperation operation, IReadOnlyList<JsonObject> records, FakeRequest? request)
    {
        var filtered = request is null ? records : records.Where(record => request.Query.All(pair => Matches(record, pair.Key, pair.Value))).ToList();
        var envelope = SpecAnswers.SuccessSchema(operation);
        var array = new JsonArray(filtered.Select(record => (JsonNode)record).ToArray());
        if (envelope is null || envelope.Type is { } type && type.HasFlag(JsonSchemaType.Array))
        {
            return array;
        }

        var page = SampleData.Least(envelope) as JsonObject ?? new JsonObject();
        var holder = (envelope.Properties ?? new Dictionary<string, IOpenApiSchema>())
            .FirstOrDefault(pair => pair.Value.Type is { } kind && kind.HasFlag(JsonSchemaType.Array)).Key ?? "results";
        page[holder] = array;
        return page;
    }

    // A query parameter named like a scalar member of the records filters on it; any other parameter is not a filter.
    private static bool Matches(JsonObject record, string name, IReadOnlyList<string> values) =>
        record[name] is not JsonValue member || values.Contains(member.ToString(), StringComparer.Ordinal);

    private static string IdProperty(IOpenApiSchema? schema, string parameter)
    {
        var properties = schema?.Properties ?? new Dictionary<string, IOpenApiSchema>();
        foreach (var candidate in new[] { "id", parameter, "Id", "ID", "_id" })
        {
            if (properties.ContainsKey(candidate))
            {
                return candidate;
            }
        }

        return properties.Keys.FirstOrDefault(name => name.EndsWith("Id", StringComparison.Ordinal) || name.EndsWith("_id", StringComparison.Ordinal)) ?? "id";
    }
}
