using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CrmSdkGen.Runtime.Http;

namespace CrmSdkGen.Runtime.Sync;

/// <summary>
/// What the sync engine needs from one CRM resource: pages of records, and create, update and delete calls for pushing
/// local changes. The generator emits one per resource a spec exposes as list + get + create/update/delete; derive
/// from it to sync anything else. Records travel as JSON so that fields the spec does not declare are kept.
/// </summary>
public abstract class SyncAdapter
{
    private const int ConcurrentReads = 4;

    /// <summary>Creates the adapter with the fields and mode in <paramref name="options"/>.</summary>
    protected SyncAdapter(SyncAdapterOptions options)
    {
        Options = options ?? throw new ArgumentNullException(nameof(options));
    }

    /// <summary>The fields and mode this adapter uses.</summary>
    public SyncAdapterOptions Options { get; }

    /// <summary>Fetches one page of records.</summary>
    /// <exception cref="SyncTokenExpiredException">The CRM no longer accepts the request's change token or page token.</exception>
    public abstract Task<SyncPage> FetchPageAsync(SyncPageRequest request, CancellationToken cancellationToken);

    /// <summary>Reads one record, or null when the CRM has none with this key.</summary>
    public virtual Task<JsonElement?> GetAsync(string key, CancellationToken cancellationToken) => throw Unsupported("read single records");

    /// <summary>
    /// Reads several records by key, for a targeted refresh; a key the CRM has no record for is left out of the answer.
    /// By default <see cref="GetAsync"/> for each key, a few at a time; override it where the CRM has a batch read.
    /// </summary>
    public virtual async Task<IReadOnlyDictionary<string, JsonElement>> GetManyAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var found = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var chunk in keys.Distinct(StringComparer.Ordinal).Chunk(ConcurrentReads))
        {
            var reads = Array.ConvertAll(chunk, key => GetAsync(key, cancellationToken));
            await Task.WhenAll(reads).ConfigureAwait(false);
            for (var index = 0; index < chunk.Length; index++)
            {
                if (reads[index].Result is { } record)
                {
                    found[chunk[index]] = record;
                }
            }
        }

        return found;
    }

    /// <summary>Creates the record in the CRM and returns it as the CRM stored it.</summary>
    /// <param name="create">The record and its idempotency key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<JsonElement> CreateAsync(SyncCreate create, CancellationToken cancellationToken) => throw Unsupported("create records");

    /// <summary>
    /// Updates the record in the CRM and returns it as the CRM stored it: send <see cref="SyncUpdate.Changes"/> with a
    /// PATCH, <see cref="SyncUpdate.Record"/> with a PUT, and <see cref="SyncUpdate.IfMatch"/> as If-Match where the
    /// resource has entity tags.
    /// </summary>
    /// <param name="update">The key, the local record, the changes and the entity tag.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<JsonElement> UpdateAsync(SyncUpdate update, CancellationToken cancellationToken) => throw Unsupported("update records");

    /// <summary>Deletes the record; a record the CRM no longer has counts as deleted.</summary>
    /// <param name="delete">The key and the entity tag.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task DeleteAsync(SyncDelete delete, CancellationToken cancellationToken) => throw Unsupported("delete records");

    /// <summary>Creates several records in one call where the CRM has a batch endpoint; by default one call each.</summary>
    /// <returns>What became of each record, in the order of <paramref name="creates"/>; an applied create carries the created record.</returns>
    public virtual async Task<IReadOnlyList<SyncBatchOutcome>> CreateBatchAsync(IReadOnlyList<SyncCreate> creates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(creates);
        var outcomes = new List<SyncBatchOutcome>(creates.Count);
        foreach (var create in creates)
        {
            try
            {
                outcomes.Add(SyncBatchOutcome.Applied(await CreateAsync(create, cancellationToken).ConfigureAwait(false)));
            }
            catch (ApiException exception) when (SyncBatch.IsRecordFailure(exception))
            {
                outcomes.Add(SyncBatchOutcome.Failed(exception.Message, exception.StatusCode));
            }
        }

        return outcomes;
    }

    /// <summary>
    /// Updates several records in one call where the CRM has a batch endpoint; by default one call each. A CRM that
    /// refuses the whole batch for some of its records may throw its <see cref="ApiException"/>: the records its body
    /// names fail, and the others are sent again.
    /// </summary>
    /// <returns>What became of each record, in the order of <paramref name="updates"/>.</returns>
    public virtual async Task<IReadOnlyList<SyncBatchOutcome>> UpdateBatchAsync(IReadOnlyList<SyncUpdate> updates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(updates);
        var outcomes = new List<SyncBatchOutcome>(updates.Count);
        foreach (var update in updates)
        {
            try
            {
                outcomes.Add(SyncBatchOutcome.Applied(await UpdateAsync(update, cancellationToken).ConfigureAwait(false)));
            }
            catch (ApiException exception) when (exception.StatusCode is 404 or 410)
            {
                outcomes.Add(SyncBatchOutcome.Missing());
            }
            catch (ApiException exception) when (SyncBatch.IsRecordFailure(exception))
            {
                outcomes.Add(SyncBatchOutcome.Failed(exception.Message, exception.StatusCode));
            }
        }

        return outcomes;
    }

    /// <summary>The record's key, from <see cref="SyncAdapterOptions.KeyField"/> (a string or a number).</summary>
    public virtual string KeyOf(JsonElement record) => Field(record, Options.KeyField) switch
    {
        { ValueKind: JsonValueKind.String } key => key.GetString()!,
        { ValueKind: JsonValueKind.Number } key => key.GetRawText(),
        _ => throw new InvalidOperationException($"A {Options.Resource} record has no key in '{Options.KeyField}'."),
    };

    /// <summary>The time of the record's last change, from <see cref="SyncAdapterOptions.ModifiedField"/> (an ISO 8601 instant, or Unix seconds or milliseconds).</summary>
    public virtual DateTimeOffset? ModifiedAt(JsonElement record) => Options.ModifiedField is { } path ? Field(record, path) switch
    {
        { ValueKind: JsonValueKind.String } text when text.TryGetDateTimeOffset(out var instant) => instant,
        { ValueKind: JsonValueKind.String } text when DateTimeOffset.TryParse(text.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant) => instant,
        { ValueKind: JsonValueKind.String } text when long.TryParse(text.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) => FromUnixTime(number),
        { ValueKind: JsonValueKind.Number } value when value.TryGetInt64(out var number) => FromUnixTime(number),
        _ => null,
    } : null;

    // Unix seconds (Intercom's updated_at) or milliseconds (HubSpot's): a number of seconds below 10^11 lies before the
    // year 5138, the same number of milliseconds in 1973, so the size tells them apart for any record of a live CRM.
    private static DateTimeOffset FromUnixTime(long number) =>
        Math.Abs(number) < 100_000_000_000 ? DateTimeOffset.FromUnixTimeSeconds(number) : DateTimeOffset.FromUnixTimeMilliseconds(number);

    /// <summary>Whether the record is a tombstone, from <see cref="SyncAdapterOptions.DeletedField"/>.</summary>
    public virtual bool IsDeleted(JsonElement record) =>
        Options.DeletedField is { } path && Field(record, path) is { ValueKind: JsonValueKind.True };

    /// <summary>The record's entity tag, from <see cref="SyncAdapterOptions.ETagField"/>; null when the resource has none.</summary>
    public virtual string? ETagOf(JsonElement record) =>
        Options.ETagField is { } path && Field(record, path) is { ValueKind: JsonValueKind.String } tag ? tag.GetString() : null;

    /// <summary>The value at a '/'-separated path of property names, if the record has it.</summary>
    protected static JsonElement? Field(JsonElement record, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.IndexOf('/') < 0)
        {
            // A plain property name, the common case: no path to split for every record.
            return record.ValueKind == JsonValueKind.Object && record.TryGetProperty(path, out var value) ? value : null;
        }

        var current = record;
        foreach (var name in path.Split('/'))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
            {
                return null;
            }
        }

        return current;
    }

    private NotSupportedException Unsupported(string what) => new($"The {Options.Resource} adapter cannot {what}; override the method to push this kind of change.");
}
