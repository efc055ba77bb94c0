using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text.Json;
using CrmSdkGen.Runtime.Http;
using CrmSdkGen.Runtime.Json;

namespace CrmSdkGen.Runtime.Sync;

/// <summary>
/// Batch bodies and answers in HubSpot's shape, which many CRMs share: <c>{"inputs": [...]}</c> in, and
/// <c>{"results": [...], "errors": [{"category", "message", "context": {"ids": [...]}}]}</c> out (200 or 207 Multi-Status),
/// matched back to the batch record by record.
/// </summary>
public static class SyncBatch
{
    /// <summary>A batch body <c>{"inputs": [{"id": key, ...changes}]}</c>: each input is the changes (or the whole record) with the key set.</summary>
    public static JsonElement Input(string inputsProperty, string keyField, IReadOnlyList<SyncUpdate> updates, bool wholeRecords = false)
    {
        ArgumentNullException.ThrowIfNull(updates);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray(inputsProperty);
            foreach (var update in updates)
            {
                writer.WriteStartObject();
                writer.WriteString(keyField, update.Key);
                foreach (var member in (wholeRecords ? update.Record : update.Changes).EnumerateObject())
                {
                    if (member.Name != keyField)
                    {
                        member.WriteTo(writer);
                    }
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return JsonElements.FromUtf8(buffer.WrittenSpan);
    }

    /// <summary>
    /// What became of each record of a batch, in the order of <paramref name="keys"/>, from the CRM's success answer:
    /// records in <paramref name="resultsProperty"/> were applied, records its <c>errors</c> name are missing or failed,
    /// and a record the answer does not mention failed.
    /// </summary>
    public static IReadOnlyList<SyncBatchOutcome> Outcomes(JsonElement response, string resultsProperty, IReadOnlyList<string> keys, Func<JsonElement, string> keyOf)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(keyOf);
        var byKey = new Dictionary<string, SyncBatchOutcome>(StringComparer.Ordinal);
        if (response.ValueKind == JsonValueKind.Object && response.TryGetProperty(resultsProperty, out var results) && results.ValueKind == JsonValueKind.Array)
        {
            foreach (var result in results.EnumerateArray())
            {
                byKey[keyOf(result)] = SyncBatchOutcome.Applied(result);
            }
        }

        var wanted = new HashSet<string>(keys, StringComparer.Ordinal);
        foreach (var (key, outcome) in NamedErrors(response, wanted, status: null, bodyIsError: false))
        {
            byKey.TryAdd(key, outcome);
        }

        var outcomes = new List<SyncBatchOutcome>(keys.Count);
        foreach (var key in keys)
        {
            outcomes.Add(byKey.TryGetValue(key, out var outcome) ? outcome : SyncBatchOutcome.Failed($"The batch answer has neither a result nor an error for '{key}'."));
        }

        return outcomes;
    }

    /// <summary>
    /// What became of each record of a batch the CRM refused as a whole: records its error body names failed (or are
    /// missing); the others were not applied and are sent again.
    /// </summary>
    public static IReadOnlyList<SyncBatchOutcome> Outcomes(ApiException exception, IReadOnlyList<string> keys)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(keys);
        var named = new Dictionary<string, SyncBatchOutcome>(StringComparer.Ordinal);
        try
        {
            using var document = JsonDocument.Parse(exception.RawBody);
            foreach (var (key, outcome) in NamedErrors(document.RootElement, new HashSet<string>(keys, StringComparer.Ordinal), exception.StatusCode, bodyIsError: true))
            {
                named.TryAdd(key, outcome);
            }
        }
        catch (JsonException)
        {
            // A body that is not JSON names no record.
        }

        var outcomes = new List<SyncBatchOutcome>(keys.Count);
        foreach (var key in keys)
        {
            outcomes.Add(named.TryGetValue(key, out var outcome) ? outcome : SyncBatchOutcome.NotApplied());
        }

        return outcomes;
    }

    /// <summary>
    /// Whether the CRM refused the request for what it carries (400, 409, 422 and the like) rather than for who sent it
    /// or how often (401, 403, 408, 429) or the state of the server (5xx): such a refusal is the record's, not the sync's.
    /// </summary>
    public static bool IsRecordFailure(ApiException exception) =>
        exception is { StatusCode: >= 400 and < 500 and not 401 and not 403 and not 407 and not 408 and not 429 };

    // The errors of a body (its "errors" array, or the body itself when it is one error) that name records of the batch.
    private static IEnumerable<(string Key, SyncBatchOutcome Outcome)> NamedErrors(JsonElement body, HashSet<string> keys, int? status, bool bodyIsError)
    {
        var errors = new List<JsonElement>();
        if (body.ValueKind == JsonValueKind.Object)
        {
            if (bodyIsError)
            {
                errors.Add(body);
            }

            if (body.TryGetProperty("errors", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                errors.AddRange(list.EnumerateArray());
            }
        }
        else if (body.ValueKind == JsonValueKind.Array)
        {
            errors.AddRange(body.EnumerateArray());
        }

        foreach (var error in errors)
        {
            if (error.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var message = Text(error, "message") ?? Text(error, "category") ?? "The CRM refused the record.";
            var errorStatus = int.TryParse(Text(error, "status"), out var parsed) ? parsed : status;
            var missing = Text(error, "category") is "OBJECT_NOT_FOUND" || errorStatus == 404
                || Text(error, "code") is { } code && code.Contains("NOT_FOUND", StringComparison.OrdinalIgnoreCase);
            foreach (var key in KeysNamed(error))
            {
                if (keys.Contains(key))
                {
                    yield return (key, missing ? SyncBatchOutcome.Missing() : SyncBatchOutcome.Failed(message, errorStatus));
                }
            }
        }
    }

    // Record keys an error names: HubSpot's context ({"ids": ["1"]}), or details.id (Zoho).
    private static IEnumerable<string> KeysNamed(JsonElement error)
    {
        if (error.TryGetProperty("context", out var context) && context.ValueKind == JsonValueKind.Object)
        {
            foreach (var member in context.EnumerateObject())
            {
                foreach (var value in member.Value.ValueKind == JsonValueKind.Array ? member.Value.EnumerateArray() : Single(member.Value))
                {
                    if (value.ValueKind is JsonValueKind.String)
                    {
                        yield return value.GetString()!;
                    }
                    else if (value.ValueKind is JsonValueKind.Number)
                    {
                        yield return value.GetRawText();
                    }
                }
            }
        }

        if (error.TryGetProperty("details", out var details) && details.ValueKind == JsonValueKind.Object && Text(details, "id") is { } id)
        {
            yield return id;
        }
    }

    private static IEnumerable<JsonElement> Single(JsonElement value)
    {
        yield return value;
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        } : null;
}
